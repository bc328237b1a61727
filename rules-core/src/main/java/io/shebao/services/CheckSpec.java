package io.shebao.services;

import java.util.List;

/**
 * How one item is checked: the engine, the facts it reads and the parameters its rules need.
 *
 * @param parameters parameter ids the rules read (each must have a value at the application month)
 */
public record CheckSpec(String code, CheckEngine engine, List<FactSpec> facts, List<String> parameters) {
    public CheckSpec {
        facts = List.copyOf(facts);
        parameters = List.copyOf(parameters);
    }

    public static CheckSpec documents(String code) {
        return new CheckSpec(code, CheckEngine.DOCUMENTS, List.of(), List.of());
    }
}
