package io.shebao.audit;

import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.retirement.Category;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.RetirementResult;
import io.shebao.retirement.SpecialWork;
import io.shebao.trace.RuleFiring;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Retirement answers as audit records: same bytes, identical replay, tamper shown with its rules, explained. */
class RetirementAuditTest {
    static final ShebaoRules RULES = AuditRecordTest.RULES;

    static RetirementQuery woman1972() {
        return RetirementQuery.builder().sex(io.shebao.retirement.Sex.FEMALE).category(Category.FEMALE_WORKER)
                .birthMonth(YearMonth.of(1972, 3)).contributionMonths(150).asOf(LocalDate.of(2026, 11, 1)).build();
    }

    @Test
    void variedRetirementRecordsReplayIdenticalAndAreByteStable() {
        Random rnd = new Random(5);
        List<RetirementResult> rs = new ArrayList<>();
        while (rs.size() < 200) {
            Category c = Category.values()[rnd.nextInt(Category.values().length)];
            YearMonth birth = YearMonth.of(1955 + rnd.nextInt(30), 1 + rnd.nextInt(12));
            RetirementQuery.Builder b = RetirementQuery.builder().sex(c.sex()).category(c).birthMonth(birth)
                    .contributionMonths(rnd.nextInt(300)).asOf(LocalDate.of(2026, 11, 1));
            if (rnd.nextBoolean()) {
                b.firstInsured(birth.plusYears(18 + rnd.nextInt(10)));
            }
            if (rnd.nextInt(4) == 0) {
                b.specialWork(SpecialWork.values()[rnd.nextInt(SpecialWork.values().length)], rnd.nextInt(15)).soeIdentity(true);
            }
            if (rnd.nextInt(3) == 0) {
                b.requested(birth.plusYears(50 + rnd.nextInt(15)));
            }
            try {
                rs.add(RULES.retirement(b.build()));
            } catch (ShebaoException e) {
                // outside what the parameters answer: try another
            }
        }
        for (RetirementResult r : rs) {
            AuditRecord rec = RULES.audit().record(r);
            assertEquals(EvaluationKind.RETIREMENT, rec.kind());
            assertEquals(rec.line(), RULES.audit().record(RULES.retirement(r.query())).line());
            ReplayOutcome o = RULES.replay(AuditRecord.parse(rec.line()));
            assertEquals(ReplayStatus.IDENTICAL, o.status(), () -> o + "\n" + rec.line());
        }
    }

    @Test
    void editedRetirementMonthShowsPathAndTheAgeRules() {
        AuditRecord rec = RULES.audit().record(RULES.retirement(woman1972()));
        String edited = rec.line().replace("\"retirementMonth\":\"2022-03\"", "\"retirementMonth\":\"2027-03\"");
        ReplayOutcome o = RULES.replay(AuditRecord.parse(edited));
        assertEquals(ReplayStatus.INVALID, o.status());
        assertEquals(List.of(new FieldDifference("/result/retirementMonth", "2027-03", "2022-03")), o.differences());
        assertTrue(o.rules().stream().anyMatch(f -> f.id().equals("R-AGE-01")), o.rules().toString());
    }

    @Test
    void explanationNamesAgesMonthsAndEveryLegalBasis() {
        RetirementResult r = RULES.retirement(woman1972());
        for (Language lang : Language.values()) {
            String text = Explanation.of(RULES.audit().record(r), lang).text();
            assertTrue(text.contains("2022-03") && text.contains("180") && text.contains("30"), text);
            for (RuleFiring f : r.trace().rules()) {
                assertTrue(text.contains(f.legalBasis()), f.id() + " missing in\n" + text);
            }
        }
        assertTrue(Explanation.of(RULES.audit().record(r), Language.ZH).text().contains("法定退休年龄 50岁，退休月份 2022-03"));
    }
}
