package io.shebao.certificate;

import io.shebao.ShebaoRules;
import io.shebao.contribution.Insurance;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed's real certificate (004 FAQ 20): Suizhou, 2021-11, class-1 unit, unemployment and work injury. */
class SuizhouCertificateTest {
    static final ShebaoRules RULES = ShebaoRules.load();

    static CertificateUnit suizhouUnit() {
        return new CertificateUnit("100047513", "中国邮政储蓄银行股份有限公司随州市分行", "suizhou", Optional.of(1),
                new BigDecimal("100"), io.shebao.contribution.UnitKind.LARGE, Set.of(Insurance.of("unemployment"), Insurance.of("work_injury")));
    }

    static RosterEntry withBase(long row, String id, String base, String start, String paidThrough) {
        return new RosterEntry(row, id, "", Optional.empty(), Optional.of(new BigDecimal(base)), LocalDate.parse(start),
                Optional.empty(), Optional.of(YearMonth.parse(paidThrough)), false, "");
    }

    @Test
    void twoPersonRosterGivesTheSeedsCertificate() {
        CertificateRequest req = CertificateRequest.builder(suizhouUnit(), YearMonth.of(2021, 11), LocalDate.of(2021, 11, 13))
                .roster(List.of(withBase(1, "A", "9000", "2015-03-01", "2021-10"),
                        withBase(2, "B", "9630", "2018-06-15", "2021-10")))
                .build();
        Certificate c = RULES.certificate(req);
        CertificateLine une = c.line(Insurance.of("unemployment")).orElseThrow();
        CertificateLine wi = c.line(Insurance.of("work_injury")).orElseThrow();
        assertEquals(new BigDecimal("130.41"), une.employer());
        assertEquals(new BigDecimal("55.89"), une.employee());
        assertEquals(new BigDecimal("186.30"), une.total());
        assertEquals(new BigDecimal("18.63"), wi.employer());
        assertEquals(new BigDecimal("0.00"), wi.employee());
        assertEquals(new BigDecimal("0.00"), wi.lateFee());
        assertEquals(new BigDecimal("0.00"), wi.interest());
        assertEquals(new BigDecimal("204.93"), c.total());
        assertEquals("贰佰零肆元玖角叁分", c.totalInWords());
        assertEquals(LocalDate.of(2021, 11, 29), c.deadline());
        assertEquals(1, c.collection().size());
        CollectionItem whole = c.collection().get(0);
        assertEquals("单位整体核定", whole.label());
        assertEquals(new BigDecimal("149.04"), whole.employer());
        assertEquals(new BigDecimal("55.89"), whole.employee());
        assertEquals(new BigDecimal("204.93"), whole.total());
        assertEquals(2, c.persons().size());
        assertTrue(c.excluded().isEmpty() && c.needsApproval().isEmpty() && c.refunds().isEmpty());
        assertTrue(c.trace().rules().stream().anyMatch(r -> r.id().equals("CERT-CUR-01")));
        assertTrue(c.trace().rules().stream().anyMatch(r -> r.id().equals("C-UNE-01")));
        assertTrue(c.trace().rules().stream().anyMatch(r -> r.id().equals("CERT-VALID-01")));
    }
}
