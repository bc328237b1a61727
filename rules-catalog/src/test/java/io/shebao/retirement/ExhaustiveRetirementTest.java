package io.shebao.retirement;

import io.shebao.ShebaoRules;
import io.shebao.trace.RuleFiring;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every birth month 1950-01 … 2000-12 in every category gets an answer with reasons and citations. */
class ExhaustiveRetirementTest {
    @Test
    void everyBirthMonthInEveryCategoryIsAnsweredWithReasonsAndCitations() {
        ShebaoRules rules = ShebaoRules.load();
        LocalDate asOf = LocalDate.of(2026, 1, 1);
        List<String> problems = new ArrayList<>();
        int n = 0;
        for (Category c : Category.values()) {
            for (YearMonth b = YearMonth.of(1950, 1); !b.isAfter(YearMonth.of(2000, 12)); b = b.plusMonths(1)) {
                RetirementResult r = rules.retirement(RetirementQuery.builder().sex(c.sex()).category(c).birthMonth(b)
                        .contributionMonths(120).firstInsured(b.plusYears(20)).asOf(asOf).build());
                n++;
                String who = c.code() + " " + b;
                if (r.reasons().size() < 2) {
                    problems.add(who + ": fewer than two reasons");
                }
                if (r.ageRules().isEmpty() || r.contributionRules().isEmpty()) {
                    problems.add(who + ": an element without the rules that decided it");
                }
                for (RuleFiring f : r.trace().rules()) {
                    if (f.legalBasis().isBlank() || f.source().isBlank()) {
                        problems.add(who + ": rule " + f.id() + " without legal basis or source");
                    }
                }
                if (r.trace().parameters().isEmpty()) {
                    problems.add(who + ": no parameters in the trace");
                }
                for (RetirementOption o : r.options()) {
                    if (o.reasons().isEmpty() || o.rules().isEmpty()) {
                        problems.add(who + ": option " + o.kind() + " without reasons or rules");
                    }
                }
                for (EarlyRetirement e : r.earlyRetirement()) {
                    if (e.conditions().isEmpty() || e.conditions().stream().anyMatch(x -> x.text().zh().isBlank() || x.text().en().isBlank())) {
                        problems.add(who + ": early " + e.kind() + " without worded conditions");
                    }
                }
                r.requested().ifPresent(d -> { });
                if (r.transferIn().grounds().size() != 4) {
                    problems.add(who + ": transfer-in grounds " + r.transferIn().grounds().size());
                }
            }
        }
        assertTrue(n == 6 * 612, "count " + n);
        assertTrue(problems.isEmpty(), () -> problems.size() + " problems, e.g. " + problems.subList(0, Math.min(5, problems.size())));
    }
}
