package io.shebao.certificate;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.Insurance;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.shebao.certificate.SuizhouCertificateTest.RULES;
import static io.shebao.certificate.SuizhouCertificateTest.suizhouUnit;
import static io.shebao.certificate.SuizhouCertificateTest.withBase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The certificate's own decisions: back payment, approval, refunds, stop month, paid elsewhere, late fee, deadline. */
class CertificateRulesTest {
    static final CertificateUnit YICHANG = new CertificateUnit("420500001", "宜昌测试单位", "yichang", Optional.of(1),
            new BigDecimal("100"), io.shebao.contribution.UnitKind.SME, Set.of());

    static ShebaoRules withYichang2023() throws URISyntaxException {
        Path pack = Path.of(CertificateRulesTest.class.getResource("/packs/yichang-2023").toURI());
        return ShebaoRules.builder().parameterPack(pack).build();
    }

    static RosterEntry wage(long row, String id, String wage, String start) {
        return RosterEntry.withWage(row, id, wage, LocalDate.parse(start));
    }

    static PersonBill bill(Certificate c, String id) {
        return c.persons().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void backPaymentAtTheThreeMonthBoundaryEachMonthAtItsOwnLimits() throws Exception {
        ShebaoRules rules = withYichang2023();
        // declaration month 2023-08: the window is 2023-05…2023-07
        Certificate c = rules.certificate(CertificateRequest.builder(YICHANG, YearMonth.of(2023, 8), LocalDate.of(2023, 8, 10))
                .roster(List.of(wage(1, "three", "3000", "2023-05-20"), wage(2, "four", "3000", "2023-04-03"))).build());
        PersonBill three = bill(c, "three");
        assertEquals(List.of("2023-05 BACK_PAYMENT", "2023-06 BACK_PAYMENT", "2023-07 BACK_PAYMENT", "2023-08 CURRENT"),
                three.months().stream().map(m -> m.month() + " " + m.kind()).toList());
        // wage 3000 is below both floors: June at 2022's floor 3450, July at the 2023 floor 3600
        assertEquals(new BigDecimal("3450"), base(three, "2023-06"));
        assertEquals(new BigDecimal("3600"), base(three, "2023-07"));
        assertEquals(new BigDecimal("552.00"), pension(three, "2023-06"));
        assertEquals(new BigDecimal("576.00"), pension(three, "2023-07"));

        PersonBill four = bill(c, "four");
        assertEquals(4, four.months().size(), "2023-05…2023-08 charged");
        assertEquals(1, c.needsApproval().size());
        ApprovalItem a = c.needsApproval().get(0);
        assertEquals("four", a.id());
        assertEquals(YearMonth.of(2023, 4), a.from());
        assertEquals(YearMonth.of(2023, 4), a.to());
        assertTrue(a.reason().zh().contains("劳动合同补缴"));
        // 征集明细: the current month first, then each back-paid month with both persons
        assertEquals(List.of("2023-08", "2023-05", "2023-06", "2023-07"),
                c.collection().stream().map(i -> i.month().toString()).toList());
        assertEquals(MonthKind.BACK_PAYMENT, c.collection().get(1).kind());
        assertTrue(c.warnings().stream().anyMatch(w -> w.code().equals("BACK_PAYMENT_DUE_WITH_CERTIFICATE")));
    }

    private static BigDecimal base(PersonBill b, String month) {
        return b.months().stream().filter(m -> m.month().toString().equals(month)).findFirst().orElseThrow()
                .lines().get(0).base();
    }

    private static BigDecimal pension(PersonBill b, String month) {
        return b.months().stream().filter(m -> m.month().toString().equals(month)).findFirst().orElseThrow()
                .lines().stream().filter(l -> l.insurance() == Insurance.of("pension")).findFirst().orElseThrow().employer();
    }

    private static CertificateRequest.Builder suizhouLate() {
        // issued on Monday 2021-12-06, after its month ended: 6 days late (12-01 … 12-06)
        return CertificateRequest.builder(suizhouUnit(), YearMonth.of(2021, 11), LocalDate.of(2021, 12, 6))
                .roster(List.of(withBase(1, "A", "9000", "2015-03-01", "2021-10"),
                        withBase(2, "B", "9630", "2018-06-15", "2021-10")));
    }

    @Test
    void lateFeeWorkedByHandForACertificateIssuedAfterItsMonth() {
        Certificate c = RULES.certificate(suizhouLate().interestRate(BigDecimal.ZERO).build());
        // unemployment 186.30 × 0.0005 × 6 = 0.5589 → 0.56; work injury 18.63 × 0.0005 × 6 = 0.05589 → 0.06
        assertEquals(new BigDecimal("0.56"), c.line(Insurance.of("unemployment")).orElseThrow().lateFee());
        assertEquals(new BigDecimal("0.06"), c.line(Insurance.of("work_injury")).orElseThrow().lateFee());
        assertEquals(new BigDecimal("0.00"), c.line(Insurance.of("unemployment")).orElseThrow().interest());
        assertEquals(new BigDecimal("205.55"), c.total());
        assertEquals("贰佰零伍元伍角伍分", c.totalInWords());
        assertEquals(LocalDate.of(2021, 12, 20), c.deadline());
        assertEquals(new BigDecimal("0.62"), c.collection().get(0).lateFee());
    }

    @Test
    void interestUnknownIsAnErrorUnlessTheCallerGivesARate() {
        ShebaoException e = assertThrows(ShebaoException.class, () -> RULES.certificate(suizhouLate().build()));
        assertEquals(ErrorCode.PARAMETER_UNKNOWN, e.code());
        assertTrue(e.getMessage().contains("interest"), e.getMessage());
        Certificate c = RULES.certificate(suizhouLate().interestRate(new BigDecimal("0.0001")).build());
        // 186.30 × 0.0001 × 6 = 0.11178 → 0.11; 18.63 × 0.0001 × 6 = 0.011178 → 0.01
        assertEquals(new BigDecimal("0.11"), c.line(Insurance.of("unemployment")).orElseThrow().interest());
        assertEquals(new BigDecimal("0.01"), c.line(Insurance.of("work_injury")).orElseThrow().interest());
        // paid on time, no interest is needed: no error without a rate
        Certificate onTime = RULES.certificate(suizhouLate().build().withRoster(List.of()));
        assertEquals(new BigDecimal("0.00"), onTime.total());
    }

    @Test
    void stopMonthIsPayableAndNewHirePaidElsewhereIsChargedWorkInjuryOnly() {
        RosterEntry leaving = withBase(1, "leaving", "9000", "2015-03-01", "2021-10").withStop(LocalDate.of(2021, 11, 15));
        RosterEntry newHire = new RosterEntry(2, "new", "", Optional.empty(), Optional.of(new BigDecimal("9630")),
                LocalDate.of(2021, 11, 8), Optional.empty(), Optional.empty(), true, "");
        RosterEntry retired = withBase(3, "retired", "5000", "2001-01-01", "2021-10").withNotBillable("retired");
        Certificate c = RULES.certificate(CertificateRequest.builder(suizhouUnit(), YearMonth.of(2021, 11),
                LocalDate.of(2021, 11, 13)).roster(List.of(leaving, newHire, retired)).build());
        PersonMonth stop = bill(c, "leaving").months().get(0);
        assertEquals(MonthKind.CURRENT, stop.kind());
        assertEquals("CERT-CUR-02", stop.ruleId());
        assertEquals(new BigDecimal("99.00"), stop.total()); // unemployment 63.00 + 27.00, work injury 9.00
        PersonMonth paidElsewhere = bill(c, "new").months().get(0);
        assertEquals(ChargeScope.WORK_INJURY_ONLY, paidElsewhere.scope());
        assertEquals(List.of(Insurance.of("work_injury")), paidElsewhere.lines().stream().map(l -> l.insurance()).toList());
        assertEquals(new BigDecimal("9.63"), paidElsewhere.total());
        assertEquals(1, c.excluded().size());
        assertEquals("NOT_BILLABLE_RETIRED", c.excluded().get(0).reason().code());
        assertTrue(bill(c, "retired").months().isEmpty());
    }

    @Test
    void refundsUpToThreeMonthsBackNeverTheStopMonth() {
        // Yichang 2023-04: refundable online 2023-01…2023-03
        RosterEntry left = wage(1, "left", "5000", "2020-01-01").withStop(LocalDate.of(2023, 1, 15))
                .withPaidThrough(YearMonth.of(2023, 3));
        RosterEntry longAgo = wage(2, "longago", "5000", "2020-01-01").withStop(LocalDate.of(2022, 11, 30))
                .withPaidThrough(YearMonth.of(2023, 3));
        Certificate c = RULES.certificate(CertificateRequest.builder(YICHANG, YearMonth.of(2023, 4), LocalDate.of(2023, 4, 3))
                .roster(List.of(left, longAgo)).build());
        assertEquals(List.of("left 2023-02", "left 2023-03", "longago 2023-01", "longago 2023-02", "longago 2023-03"),
                c.refunds().stream().map(r -> r.id() + " " + r.month()).toList());
        // 5000: pension 800 + 400, unemployment 35 + 15, work injury 10
        assertEquals(new BigDecimal("1260.00"), c.refunds().get(0).total());
        assertEquals(1, c.needsApproval().size());
        assertEquals("REFUND_OUTSIDE_WINDOW", c.needsApproval().get(0).reason().code());
        assertEquals(new BigDecimal("0.00"), c.total());
        assertEquals(2, c.excluded().size()); // both stopped before the declaration month
    }

    @Test
    void deadlinesCountWorkingDaysAcrossSpringFestivalAndNationalDay() {
        // 2022 Spring Festival: 01-31…02-06 off, Saturday 01-29 and Sunday 01-30 are make-up working days
        assertEquals(LocalDate.of(2022, 2, 14), deadline(YearMonth.of(2022, 1), LocalDate.of(2022, 1, 26)));
        // 2023 National Day: 09-29…10-06 off, Saturday 10-07 and Sunday 10-08 are make-up working days
        assertEquals(LocalDate.of(2023, 10, 17), deadline(YearMonth.of(2023, 9), LocalDate.of(2023, 9, 27)));
        // issued on a day off (2024-10-01): counting starts after the first working day 10-08; Saturday 10-12 works
        assertEquals(LocalDate.of(2024, 10, 21), deadline(YearMonth.of(2024, 10), LocalDate.of(2024, 10, 1)));
        // the seed: Saturday 2021-11-13 → Monday 2021-11-29
        assertEquals(LocalDate.of(2021, 11, 29), deadline(YearMonth.of(2021, 11), LocalDate.of(2021, 11, 13)));
        ShebaoException e = assertThrows(ShebaoException.class,
                () -> deadline(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 28)));
        assertTrue(e.getMessage().contains("2027"), e.getMessage());
    }

    private static LocalDate deadline(YearMonth period, LocalDate issued) {
        CertificateUnit u = new CertificateUnit("1", "u", "suizhou", Optional.empty(), new BigDecimal("100"), io.shebao.contribution.UnitKind.SME,
                Set.of(Insurance.of("unemployment")));
        return RULES.certificate(CertificateRequest.builder(u, period, issued).build()).deadline();
    }

    @Test
    void aRowInErrorRefusesTheCertificateUnlessSkipped() {
        // Wuhan's medical rates are known from 2022-01 only: a back payment of 2021-12 that names medical cannot be
        // computed (with the region's default insurances, medical is left out before its first known month)
        CertificateUnit wuhan = new CertificateUnit("420100001", "武汉测试单位", "wuhan", Optional.of(2), new BigDecimal("100"),
                io.shebao.contribution.UnitKind.SME, Set.of(Insurance.of("pension"), Insurance.of("unemployment"),
                Insurance.of("work_injury"), Insurance.of("medical"), Insurance.of("maternity")));
        RosterEntry ok = wage(1, "A", "8000", "2015-03-01").withPaidThrough(YearMonth.of(2022, 1));
        RosterEntry backIntoUnknown = wage(2, "B", "8000", "2021-12-01");
        CertificateRequest.Builder b = CertificateRequest.builder(wuhan, YearMonth.of(2022, 2), LocalDate.of(2022, 2, 15))
                .roster(List.of(ok, backIntoUnknown));
        ShebaoException e = assertThrows(ShebaoException.class, () -> RULES.certificate(b.build()));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("2021-12"), e.getMessage());
        Certificate partial = RULES.certificate(b.skipInvalid(true).build());
        assertTrue(partial.partial());
        assertEquals(1, partial.rowsInError());
        assertEquals(1, partial.persons().size(), "nothing of the person in error is charged, not even the months that work");
        assertEquals(partial.persons().get(0).months().get(0).total(), partial.total());
        assertTrue(partial.warnings().stream().anyMatch(w -> w.code().equals("PARTIAL")));
    }
}
