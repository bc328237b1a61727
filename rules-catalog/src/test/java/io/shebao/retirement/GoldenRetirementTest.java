package io.shebao.retirement;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.testing.GoldenCsv;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every case of golden/retirement.csv: each step boundary of the reform and the minimum-years schedule. */
class GoldenRetirementTest {
    static final ShebaoRules RULES = ShebaoRules.load();

    @TestFactory
    List<DynamicTest> goldenCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map<String, String> row : GoldenCsv.read("/golden/retirement.csv")) {
            tests.add(DynamicTest.dynamicTest(row.get("case"), () -> check(row)));
        }
        return tests;
    }

    static RetirementQuery query(Map<String, String> row) {
        Category c = Category.fromCode(row.get("category")).orElseThrow();
        RetirementQuery.Builder b = RetirementQuery.builder().sex(c.sex()).category(c)
                .birthMonth(YearMonth.parse(row.get("birth")))
                .contributionMonths(Integer.parseInt(row.get("contribution_months")))
                .asOf(LocalDate.parse(row.get("as_of")));
        if (!row.get("first_insured").isEmpty()) {
            b.firstInsured(YearMonth.parse(row.get("first_insured")));
        }
        if (!row.get("requested").isEmpty()) {
            b.requested(YearMonth.parse(row.get("requested")));
        }
        return b.build();
    }

    private static void check(Map<String, String> row) {
        String expected = row.get("expected");
        if (expected.startsWith("error:")) {
            String[] p = expected.split(":", 3);
            ShebaoException e = assertThrows(ShebaoException.class, () -> RULES.retirement(query(row)));
            assertEquals(p[1], e.code().name(), e.getMessage());
            assertTrue(e.getMessage().contains(p[2]), () -> "message was: " + e.getMessage());
            return;
        }
        RetirementResult r = RULES.retirement(query(row));
        for (String part : expected.split(";")) {
            String[] kv = part.split("=", 2);
            String k = kv[0];
            String v = kv[1];
            switch (k) {
                case "age" -> assertEquals(v, r.statutoryAge().years() + "y" + r.statutoryAge().months() + "m", "statutory age");
                case "month" -> assertEquals(YearMonth.parse(v), r.retirementMonth(), "retirement month");
                case "delay" -> assertEquals(Integer.parseInt(v), r.delayMonths(), "delay");
                case "reform" -> assertEquals(Boolean.parseBoolean(v), r.reformApplied(), "reform applied");
                case "min" -> assertEquals(Integer.parseInt(v), r.minimumContributionMonths(), "minimum months");
                case "met" -> assertEquals(Boolean.parseBoolean(v), r.contributionMet(), "minimum met");
                case "short" -> assertEquals(Integer.parseInt(v), r.shortfallMonths(), "shortfall");
                case "window" -> assertTrue(r.flexibleWindow().isEmpty(), "no flexible window expected");
                case "earliest" -> {
                    FlexibleWindow w = r.flexibleWindow().orElseThrow();
                    if (v.equals("none")) {
                        assertTrue(w.earliest().isEmpty(), () -> "earliest " + w.earliest());
                    } else {
                        assertEquals(YearMonth.parse(v), w.earliest().orElseThrow(), "earliest");
                    }
                }
                case "latest" -> assertEquals(YearMonth.parse(v), r.flexibleWindow().orElseThrow().latest(), "latest");
                case "request" -> {
                    RequestDecision d = r.requested().orElseThrow();
                    if (v.equals("allowed")) {
                        assertTrue(d.allowed(), () -> "refused: " + d.reasons());
                    } else {
                        assertFalse(d.allowed());
                        String code = v.substring("refused:".length());
                        assertTrue(d.reasons().stream().anyMatch(m -> m.code().equals(code)), () -> "reasons " + d.reasons());
                    }
                }
                case "extend" -> option(r, OptionKind.EXTEND_CONTRIBUTIONS, v);
                case "lump" -> option(r, OptionKind.LUMP_SUM_BACK_PAYMENT, v);
                case "warn" -> assertTrue(r.warnings().stream().anyMatch(m -> m.code().equals(v)), () -> "warnings " + r.warnings());
                case "oneoff" -> assertEquals(v.equals("yes"), r.option(OptionKind.ONE_OFF_ACCOUNT_PAYMENT).orElseThrow().available());
                default -> throw new AssertionError("unknown key " + k);
            }
        }
        if (!expected.contains("warn=")) {
            assertTrue(r.warnings().isEmpty(), () -> "unexpected warnings " + r.warnings());
        }
        assertFalse(r.reasons().isEmpty(), "reasons");
        assertFalse(r.ageRules().isEmpty(), "age rules");
        assertFalse(r.contributionRules().isEmpty(), "contribution rules");
    }

    private static void option(RetirementResult r, OptionKind k, String v) {
        RetirementOption o = r.option(k).orElseThrow();
        if (v.equals("no")) {
            assertFalse(o.available(), () -> k + " " + o);
            assertFalse(o.reasons().isEmpty());
            return;
        }
        String[] p = v.split("/");
        assertTrue(o.available(), () -> k + " " + o.reasons());
        assertEquals(YearMonth.parse(p[0]), o.month().orElseThrow(), k + " month");
        assertEquals(Integer.parseInt(p[1]), o.months(), k + " months");
    }
}
