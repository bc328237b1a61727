package io.shebao.audit;

import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.trace.RuleFiring;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The explanation of the Yichang 3450 case names every amount and every legal basis. */
class ExplanationTest {
    static final ShebaoRules RULES = AuditRecordTest.RULES;

    @Test
    void yichang3450InChineseHasEveryAmountAndLegalBasis() {
        ContributionResult r = RULES.contribution(AuditRecordTest.yichang3450());
        String text = Explanation.of(RULES.audit().record(r), Language.ZH).text();
        for (String amount : List.of("3450.00", "552.00", "276.00", "24.15", "10.35", "6.90", "583.05", "286.35", "869.40")) {
            assertTrue(text.contains(amount), amount + " missing in:\n" + text);
        }
        for (RuleFiring f : r.trace().rules()) {
            assertTrue(text.contains(f.legalBasis()), f.id() + " legal basis missing in:\n" + text);
        }
        assertTrue(text.contains("失业保险单位缴费 24.15 = 基数 3450.00 × 0.7%（"), text);
        assertTrue(text.contains("2016-05-01 起至 2024-12-31"), text);
        assertTrue(text.contains("基本养老保险个人缴费 276.00 = 基数 3450.00 × 8%"), text);
        assertTrue(text.contains("工伤保险单位缴费 6.90 = 基数 3450.00 × 0.2%"), text);
        assertTrue(text.contains("合计：单位 583.05，个人 286.35，总计 869.40"), text);
        r.trace().parameters().forEach(p -> assertTrue(text.contains(p.reference()), p.qualifiedId() + "\n" + text));
    }

    @Test
    void englishToo() {
        ContributionResult r = RULES.contribution(AuditRecordTest.yichang3450());
        String text = Explanation.of(RULES.audit().record(r), Language.EN).text();
        assertTrue(text.contains("unemployment insurance, employer: 24.15 = base 3450.00 × 0.7% ("), text);
        assertTrue(text.contains("Totals: employer 583.05, employee 286.35, total 869.40"), text);
        for (RuleFiring f : r.trace().rules()) {
            assertTrue(text.contains(f.legalBasis()), f.id() + "\n" + text);
        }
    }

    @Test
    void anAssumedValueIsShownWithItsReasoning() {
        ContributionResult r = RULES.contribution(ContributionRequest.builder("wuhan", YearMonth.of(2026, 11))
                .wage("9000").insurances(io.shebao.contribution.Insurance.of("unemployment")).build());
        var record = RULES.audit().record(r);
        assertTrue(record.line().contains("\"provenance\":\"assumed\""), record.line());
        assertTrue(record.line().contains("ASSUMED_VALUE"), record.line());
        String zh = Explanation.of(record, Language.ZH).text();
        assertTrue(zh.contains("警告 ASSUMED_VALUE") && zh.contains("推定值：unemployment.employer_rate = 0.007"), zh);
        String en = Explanation.of(record, Language.EN).text();
        assertTrue(en.contains("ASSUMED_VALUE") && en.contains("the minister said"), en);
    }

    @Test
    void wuhanMedicalShowsTheFixedAmountAndWarningsShowCarryForward() {
        ContributionResult r = RULES.contribution(ContributionRequest.builder("wuhan", YearMonth.of(2027, 8))
                .wage("5000").riskClass(2).allowCarryForward(true).insurances(io.shebao.contribution.Insurance.of("medical"),
                        io.shebao.contribution.Insurance.of("pension")).build());
        String text = Explanation.of(RULES.audit().record(r), Language.ZH).text();
        assertTrue(text.contains("+ 固定金额 7"), text);
        assertTrue(text.contains("警告 CARRIED_FORWARD"), text);
        assertTrue(text.contains("已过期，沿用"), text);
    }
}
