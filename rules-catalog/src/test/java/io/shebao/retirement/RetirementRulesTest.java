package io.shebao.retirement;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.internal.json.Json;
import io.shebao.internal.json.RetirementJson;
import io.shebao.trace.ParameterUse;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Early retirement (YLC00001, YLC00002), transfer-in (SBZX00041), resident ID numbers and bad input. */
class RetirementRulesTest {
    private static final ShebaoRules RULES = GoldenRetirementTest.RULES;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    static RetirementQuery.Builder man(String birth, int months) {
        return RetirementQuery.builder().sex(Sex.MALE).category(Category.MALE).birthMonth(YearMonth.parse(birth))
                .contributionMonths(months).asOf(AS_OF);
    }

    static String id(String first17) {
        return first17 + ResidentId.checkDigit(first17);
    }

    @Test
    void specialWorkMetButTheReceivingPlaceMustBeVerified() {
        RetirementResult r = RULES.retirement(man("1970-03", 240).soeIdentity(true).specialWork(SpecialWork.HEIGHTS, 11).build());
        EarlyRetirement e = r.early(EarlyKind.SPECIAL_WORK).orElseThrow();
        assertEquals(Outcome.IF_VERIFIED, e.eligible(), () -> e.conditions().toString());
        assertEquals(YearMonth.of(2025, 3), e.ageReached().orElseThrow());
        assertTrue(e.conditions().stream().anyMatch(c -> c.code().equals("RECEIVING_PLACE") && c.status() == ConditionStatus.TO_VERIFY));
        assertTrue(r.trace().parameters().stream().map(ParameterUse::id)
                .anyMatch("retirement.early.special_work.min_years"::equals), "the years of the kind are in the trace");
    }

    @Test
    void specialWorkYearsOfEachKind() {
        assertEquals(Outcome.NO, RULES.retirement(man("1970-03", 240).soeIdentity(true).specialWork(SpecialWork.HEIGHTS, 9)
                .build()).early(EarlyKind.SPECIAL_WORK).orElseThrow().eligible());
        assertEquals(Outcome.IF_VERIFIED, RULES.retirement(man("1970-03", 240).soeIdentity(true).specialWork(SpecialWork.TOXIC, 8)
                .build()).early(EarlyKind.SPECIAL_WORK).orElseThrow().eligible());
        assertEquals(Outcome.IF_VERIFIED, RULES.retirement(man("1970-03", 240).soeIdentity(true).specialWork(SpecialWork.UNDERGROUND, 9)
                .build()).early(EarlyKind.SPECIAL_WORK).orElseThrow().eligible());
        EarlyRetirement young = RULES.retirement(man("1975-03", 240).soeIdentity(true).specialWork(SpecialWork.HEIGHTS, 12)
                .build()).early(EarlyKind.SPECIAL_WORK).orElseThrow();
        assertEquals(Outcome.NO, young.eligible());
        assertTrue(young.conditions().stream().anyMatch(c -> c.code().equals("AGE") && c.status() == ConditionStatus.NOT_MET
                && c.text().en().contains("2030-03")));
    }

    @Test
    void illnessEarlyRetirementWithAllConditions() {
        RetirementResult r = RULES.retirement(man("1975-06", 200).soeIdentity(true).incapacityCertified(true).build());
        EarlyRetirement e = r.early(EarlyKind.ILLNESS).orElseThrow();
        assertEquals(Outcome.YES, e.eligible(), () -> e.conditions().toString());
        RetirementResult no = RULES.retirement(man("1975-06", 200).soeIdentity(true).build());
        EarlyRetirement n = no.early(EarlyKind.ILLNESS).orElseThrow();
        assertEquals(Outcome.NO, n.eligible());
        assertTrue(n.conditions().stream().anyMatch(c -> c.code().equals("INCAPACITY") && c.status() == ConditionStatus.NOT_MET
                && !c.text().zh().isBlank() && !c.text().en().isBlank()));
    }

    @Test
    void illnessParametersUnknownOutsideWuhanMustBeVerified() {
        RetirementResult r = RULES.retirement(man("1975-06", 200).region("yichang").soeIdentity(true).incapacityCertified(true).build());
        EarlyRetirement e = r.early(EarlyKind.ILLNESS).orElseThrow();
        assertEquals(Outcome.IF_VERIFIED, e.eligible(), () -> e.conditions().toString());
        assertTrue(e.conditions().stream().anyMatch(c -> c.code().equals("PARAMETER_UNKNOWN")));
    }

    @Test
    void transferInGrounds() {
        assertEquals(Outcome.YES, RULES.retirement(man("1980-01", 100).build()).transferIn().allowed(), "a man under 50");
        RetirementQuery.Builder woman = RetirementQuery.builder().sex(Sex.FEMALE).category(Category.FEMALE_CADRE)
                .birthMonth(YearMonth.of(1980, 1)).contributionMonths(100).asOf(AS_OF);
        TransferIn t = RULES.retirement(woman.build()).transferIn();
        assertEquals(Outcome.NO, t.allowed());
        assertEquals(4, t.grounds().size());
        assertEquals(Outcome.YES, RULES.retirement(woman.transferGrounds(List.of(TransferGround.HUKOU_RETURN)).build())
                .transferIn().allowed());
    }

    @Test
    void jsonCarriesTheFieldsTheIssueNames() {
        RetirementResult r = RULES.retirement(man("1965-05", 192).build());
        var o = RetirementJson.resultWithTrace(r);
        assertEquals(60, o.get("statutoryAge").get("years").asInt());
        assertEquals(2, o.get("statutoryAge").get("months").asInt());
        assertEquals("2025-07", o.get("retirementMonth").asText());
        assertEquals(180, o.get("minimumContributionMonths").asInt());
        assertTrue(o.get("contributionMet").asBoolean());
        assertEquals(0, o.get("shortfallMonths").asInt());
        assertEquals("2025-05", o.get("flexibleWindow").get("earliest").asText());
        assertEquals("2028-07", o.get("flexibleWindow").get("latest").asText());
        for (String k : List.of("options", "earlyRetirement", "reasons", "trace")) {
            assertTrue(o.has(k), k);
        }
        assertFalse(Json.write(RetirementJson.query(r.query()), false).isBlank());
    }

    @Test
    void residentIdGivesBirthAndSexAndItsCheckDigitIsVerified() {
        String good = id("42010219710415002"); // 17th digit 2: a woman
        ResidentId rid = ResidentId.parse(good);
        assertEquals(LocalDate.of(1971, 4, 15), rid.birthDate());
        assertEquals(Sex.FEMALE, rid.sex());
        assertEquals(Sex.MALE, ResidentId.parse(id("42010219650515001")).sex());
        // a known published example: 11010519491231002X (check character X)
        assertEquals('X', ResidentId.checkDigit("11010519491231002"));
        RetirementResult r = RULES.retirement(RetirementQuery.builder().idNumber(good).category(Category.FEMALE_CADRE)
                .contributionMonths(240).asOf(AS_OF).build());
        assertEquals(YearMonth.of(2026, 8), r.retirementMonth());

        char wrong = good.charAt(17) == '0' ? '1' : '0';
        ShebaoException bad = assertThrows(ShebaoException.class, () -> ResidentId.parse(good.substring(0, 17) + wrong));
        assertEquals("idNumber", bad.field().orElseThrow());
        assertTrue(bad.getMessage().contains("check digit"), bad.getMessage());
        assertThrows(ShebaoException.class, () -> ResidentId.parse("4201021971041500"));
        assertThrows(ShebaoException.class, () -> ResidentId.parse(id("42010219711315002")), "month 13");
        ShebaoException sex = assertThrows(ShebaoException.class, () -> RetirementQuery.builder().idNumber(good)
                .sex(Sex.MALE).contributionMonths(1).asOf(AS_OF).build());
        assertEquals("sex", sex.field().orElseThrow());
        ShebaoException birth = assertThrows(ShebaoException.class, () -> RetirementQuery.builder().idNumber(good)
                .birthMonth(YearMonth.of(1971, 5)).category(Category.FEMALE_CADRE).contributionMonths(1).asOf(AS_OF).build());
        assertEquals("birth", birth.field().orElseThrow());
    }

    @Test
    void badInputIsRefusedWithTheFieldAndWhatIsAllowed() {
        ShebaoException future = assertThrows(ShebaoException.class, () -> man("2027-01", 0).build());
        assertEquals(ErrorCode.INVALID_INPUT, future.code());
        assertEquals("birth", future.field().orElseThrow());
        assertEquals("contributionMonths", assertThrows(ShebaoException.class, () -> man("1970-01", -1).build()).field().orElseThrow());
        ShebaoException cat = assertThrows(ShebaoException.class, () -> man("1970-01", 10).category(Category.FEMALE_CADRE).build());
        assertEquals("category", cat.field().orElseThrow());
        assertEquals(ErrorCode.UNKNOWN_REGION, assertThrows(ShebaoException.class,
                () -> RULES.retirement(man("1970-01", 10).region("atlantis").build())).code());
    }
}
