package io.shebao.internal.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 开关: a switch the rules read (e.g. {@code retirement.reform} = {@code on}/{@code off}), with its value in
 * this evaluation: the declared default, or what a what-if scenario set. Every declared switch is inserted.
 */
public final class Switch {
    private final String name;
    private final String value;

    public Switch(String name, String value) {
        this.name = name;
        this.value = value;
    }

    /** The facts the rules read: one switch per entry of the effective values (every declared switch). */
    public static List<Object> facts(Map<String, String> effective) {
        List<Object> out = new ArrayList<>();
        effective.forEach((k, v) -> out.add(new Switch(k, v)));
        return List.copyOf(out);
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    /** True when the switch has the given value, e.g. {@code Switch(name == "retirement.reform", is("off"))}. */
    public boolean is(String v) {
        return value.equals(v);
    }

    @Override
    public String toString() {
        return "Switch[" + name + "=" + value + "]";
    }
}
