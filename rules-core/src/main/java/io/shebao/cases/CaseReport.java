package io.shebao.cases;

import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;

import java.util.ArrayList;
import java.util.List;

/** How a failed case reads (不符报告): each differing field, then the rules and parameter values behind it. */
public final class CaseReport {
    private CaseReport() {
    }

    public static List<String> lines(CaseOutcome o) {
        TestCase c = o.testCase();
        List<String> out = new ArrayList<>();
        out.add("FAIL " + c.location() + "  " + c.name() + (c.source().isEmpty() ? "" : "  [source: " + c.source() + "]"));
        for (Mismatch m : o.mismatches()) {
            Expectation x = m.expectation();
            out.add("  " + x.path() + ": expected " + x.describe() + ", got " + m.actual() + "  (line " + x.line() + ")");
            for (RuleFiring f : m.rules()) {
                out.add("      rule " + f.id() + " " + f.name() + " [" + f.legalBasis() + "]");
            }
            for (ParameterUse u : m.parameters()) {
                out.add("      parameter " + u.qualifiedId() + " = " + u.value() + " (" + u.region() + ", "
                        + u.validity().strip() + ", " + u.provenance() + (u.pack().equals("bundled") ? "" : ", pack " + u.pack())
                        + ", " + u.file() + ":" + u.line() + ": " + u.reference() + ")");
            }
        }
        return out;
    }

    public static String text(CaseOutcome o) {
        return String.join(System.lineSeparator(), lines(o));
    }
}
