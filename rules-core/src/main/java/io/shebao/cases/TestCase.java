package io.shebao.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * One case of a test file (测试用例): a question written as API fields and the answer's fields it must have.
 *
 * @param file   the test file as named on the command line (or its resource name)
 * @param line   the line where the case starts
 * @param source where the expected figures come from (document, article, worked example); may be empty
 */
public record TestCase(String file, int line, String name, String source, CaseKind kind, ObjectNode input,
                       List<Expectation> expectations) {
    public TestCase {
        Objects.requireNonNull(file);
        Objects.requireNonNull(name);
        Objects.requireNonNull(source);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(input);
        expectations = List.copyOf(expectations);
    }

    /** {@code file:line}, as failure reports name it. */
    public String location() {
        return file + ":" + line;
    }
}
