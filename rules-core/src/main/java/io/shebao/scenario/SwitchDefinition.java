package io.shebao.scenario;

import java.util.List;
import java.util.Objects;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * 开关定义: a switch the rules read, its allowed values and its value when no scenario sets it.
 *
 * @param reference the text the switch stands for (e.g. the law a switch turns off)
 */
public record SwitchDefinition(String name, String description, List<String> allowed, String defaultValue,
                               String reference) {
    public SwitchDefinition {
        Objects.requireNonNull(name);
        Objects.requireNonNull(description);
        allowed = List.copyOf(allowed);
        Objects.requireNonNull(defaultValue);
        Objects.requireNonNull(reference);
        checkArgument(allowed.contains(defaultValue), "switch %s: default '%s' is not one of %s", name, defaultValue, allowed);
    }
}
