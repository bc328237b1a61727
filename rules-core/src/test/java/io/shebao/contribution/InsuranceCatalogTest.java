package io.shebao.contribution;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.parameter.StrictYaml;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 险种目录: the insurances come from the catalogue's declaration, in its order. */
class InsuranceCatalogTest {
    private static InsuranceCatalog parse(String text) {
        StrictYaml y = new StrictYaml("insurances.yaml", ErrorCode.PARAMETER_FILE_INVALID);
        return InsuranceCatalog.read(y, y.parse(text));
    }

    @Test
    void theBundledCatalogueKeepsTheOrderOfLinesAndColumns() {
        List<String> codes = Insurance.values().stream().map(Insurance::code).toList();
        // the first five, in the order every CSV column and JSON list has had: a new one is appended
        assertEquals(List.of("pension", "unemployment", "work_injury", "medical", "maternity"), codes.subList(0, 5));
        assertEquals("基本养老保险", Insurance.of("pension").nameZh());
        assertTrue(Insurance.of("work_injury").riskClassRequired());
        assertFalse(Insurance.of("pension").riskClassRequired());
        assertEquals("unemployment.employer_rate", Insurance.of("unemployment").definingParameter());
        assertTrue(Insurance.of("pension").compareTo(Insurance.of("maternity")) < 0);
    }

    @Test
    void anUnknownCodeIsEmptyAndNamesTheAllowedOnes() {
        assertTrue(Insurance.fromCode("dental").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Insurance.of("dental"));
        assertTrue(e.getMessage().contains("pension, unemployment, work_injury, medical, maternity"), e.getMessage());
    }

    @Test
    void aDeclarationIsReadInFileOrder() {
        InsuranceCatalog c = parse("""
                insurances:
                  b_one: {zh: 乙, en: b insurance, defined_by: b_one.employer_rate}
                  a_two: {zh: 甲, en: a insurance, defined_by: a_two.employer_rate, risk_class: required}
                """);
        assertEquals("b_one, a_two", c.allowedCodes());
        assertEquals(1, c.find("a_two").orElseThrow().index());
        assertTrue(c.find("a_two").orElseThrow().riskClassRequired());
    }

    @Test
    void aBadDeclarationNamesFileLineAndProblem() {
        ShebaoException missing = assertThrows(ShebaoException.class, () -> parse("""
                insurances:
                  pension: {zh: 基本养老保险, en: pension insurance}
                """));
        assertEquals("insurances.yaml:2: missing key 'defined_by' in insurance pension", missing.getMessage());
        ShebaoException code = assertThrows(ShebaoException.class, () -> parse("""
                insurances:
                  Pension: {zh: 基本养老保险, en: pension insurance, defined_by: p.employer_rate}
                """));
        assertTrue(code.getMessage().startsWith("insurances.yaml:2: insurance code 'Pension'"), code.getMessage());
        ShebaoException risk = assertThrows(ShebaoException.class, () -> parse("""
                insurances:
                  x: {zh: 甲, en: x, defined_by: x.rate, risk_class: maybe}
                """));
        assertTrue(risk.getMessage().contains("risk_class 'maybe' is not allowed"), risk.getMessage());
        assertThrows(ShebaoException.class, () -> parse("insurances: {}\n"));
    }
}
