package io.shebao.services;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Facts: missing ones named, unknown ones refused, bad values explained; the catalogue API. */
class ServiceFactsTest {
    static final ShebaoRules RULES = ShebaoRules.load();
    static final LocalDate ON = LocalDate.of(2026, 3, 2);

    @Test
    void missingFactsAreAllNamed() {
        ShebaoException e = assertThrows(ShebaoException.class,
                () -> RULES.services().check("SYB00002", Map.of("contribution_months", "60"), ON));
        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        for (String f : new String[]{"involuntary", "registered_unemployed", "seeking_work"}) {
            assertTrue(e.getMessage().contains(f), e.getMessage());
        }
        assertTrue(!e.getMessage().contains("contribution_months"), e.getMessage());
    }

    @Test
    void unknownFactAndBadValueAreRefused() {
        ShebaoException u = assertThrows(ShebaoException.class,
                () -> RULES.services().check("SBZX00015", Map.of("laid_off", "3", "staff", "10", "stafff", "1"), ON));
        assertTrue(u.getMessage().contains("stafff") && u.getMessage().contains("laid_off, staff"), u.getMessage());
        ShebaoException b = assertThrows(ShebaoException.class,
                () -> RULES.services().check("SBZX00015", Map.of("laid_off", "many", "staff", "10"), ON));
        assertEquals("fact laid_off: 'many' is not allowed; allowed: a whole number ≥ 0", b.getMessage());
        ShebaoException over = assertThrows(ShebaoException.class,
                () -> RULES.services().check("SBZX00015", Map.of("laid_off", "11", "staff", "10"), ON));
        assertTrue(over.getMessage().startsWith("fact laid_off: '11' is not allowed"), over.getMessage());
    }

    @Test
    void itemListAndCodes() {
        assertEquals(123, RULES.services().list(ServiceFilter.ALL).size());
        assertEquals("SBZX00062", RULES.services().item("sbzx000062").code());
        assertEquals(4, RULES.services().list(ServiceFilter.category("失业保险--失业保险待遇业务")).size());
        assertTrue(RULES.services().list(ServiceFilter.search("失业")).stream().allMatch(i -> i.name().contains("失业")
                || i.category().contains("失业") || i.group().contains("失业")));
        ShebaoException e = assertThrows(ShebaoException.class, () -> RULES.services().item("SBZX09999"));
        assertTrue(e.getMessage().startsWith("code: 'SBZX09999' is not allowed"), e.getMessage());
    }

    @Test
    void retirementItemsComeFromTheRetirementRules() {
        ServiceCheck c = RULES.services().check("YLC00001", Map.of("sex", "male", "birth", "1970-06",
                "contribution_months", "240", "special_work", "underground", "special_work_years", "9", "soe_identity", "yes"), ON);
        assertEquals(CheckEngine.RETIREMENT, c.engine());
        assertTrue(c.trace().rules().stream().anyMatch(r -> r.id().startsWith("R-")), "retirement rule ids: " + c.trace().rules());
        ServiceCheck t = RULES.services().check("SBZX00041", Map.of("sex", "male", "birth", "1990-01",
                "contribution_months", "100"), ON);
        assertEquals(ServiceOutcome.ELIGIBLE, t.outcome(), "a man under 50 may transfer in: " + t.conditions());
    }
}
