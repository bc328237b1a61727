package io.shebao.internal.facts;

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
