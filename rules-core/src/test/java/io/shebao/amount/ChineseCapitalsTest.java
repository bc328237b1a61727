package io.shebao.amount;

import io.shebao.ShebaoException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 人民币大写 per the PBoC rules for writing amounts on vouchers; the examples are the rules' own where they give one. */
class ChineseCapitalsTest {

    @ParameterizedTest
    @CsvSource({
            "204.93, 贰佰零肆元玖角叁分",          // seed 004 FAQ 20
            "0, 零元整",
            "0.00, 零元整",
            "0.05, 伍分",
            "0.50, 伍角",
            "0.53, 伍角叁分",
            "1, 壹元整",
            "10, 壹拾元整",                          // 壹拾, never a bare 拾
            "15, 壹拾伍元整",
            "110, 壹佰壹拾元整",
            "1004, 壹仟零肆元整",
            "1010, 壹仟零壹拾元整",
            "1680.32, 壹仟陆佰捌拾元零叁角贰分",     // the rules' example (元 digit 0, 角 not 0)
            "107000.53, 壹拾万柒仟元零伍角叁分",     // the rules' example
            "16409.02, 壹万陆仟肆佰零玖元零贰分",    // the rules' example (角 0, 分 not 0: 零 required)
            "325.04, 叁佰贰拾伍元零肆分",            // the rules' example
            "100500, 壹拾万零伍佰元整",
            "100000, 壹拾万元整",
            "1000000, 壹佰万元整",
            "10000001, 壹仟万零壹元整",
            "100000000, 壹亿元整",
            "100000500, 壹亿零伍佰元整",
            "105000000, 壹亿零伍佰万元整",
            "150000000, 壹亿伍仟万元整",
            "1050000000000, 壹万零伍佰亿元整",
            "9999999999999999.99, 玖仟玖佰玖拾玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            "20.10, 贰拾元零壹角",
            "1.10, 壹元壹角",
    })
    void handCases(String amount, String capitals) {
        assertEquals(capitals, ChineseCapitals.of(new BigDecimal(amount)));
        assertEquals(0, new BigDecimal(amount).compareTo(ChineseCapitals.parse(capitals)));
    }

    @Test
    void rejectsWhatCannotBeWritten() {
        assertThrows(ShebaoException.class, () -> ChineseCapitals.of(new BigDecimal("-1")));
        assertThrows(ShebaoException.class, () -> ChineseCapitals.of(new BigDecimal("0.001")));
        assertThrows(ShebaoException.class, () -> ChineseCapitals.of(new BigDecimal("1E16")));
        assertThrows(ShebaoException.class, () -> ChineseCapitals.parse("贰佰零肆圆"));
    }

    @Test
    void parsesTheAllowedVariants() {
        assertEquals(new BigDecimal("1680.32"), ChineseCapitals.parse("人民币壹仟陆佰捌拾元叁角贰分"));
        assertEquals(new BigDecimal("107000.53"), ChineseCapitals.parse("壹拾万零柒仟元伍角叁分"));
        assertEquals(new BigDecimal("20.10"), ChineseCapitals.parse("贰拾元壹角整"));
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        Arbitrary<BigDecimal> any = Arbitraries.bigIntegers().between(BigInteger.ZERO, new BigInteger("999999999999999999"))
                .map(f -> new BigDecimal(f, 2));
        Arbitrary<BigDecimal> sparse = Arbitraries.integers().between(0, 17).list().ofMaxSize(4)
                .map(ps -> ps.stream().map(p -> BigInteger.TEN.pow(p)).reduce(BigInteger.ZERO, BigInteger::add))
                .filter(f -> f.compareTo(new BigInteger("999999999999999999")) <= 0)
                .map(f -> new BigDecimal(f, 2)); // many zeros: 1000000.01, 100000100, …
        return Arbitraries.oneOf(any, sparse, Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(100_000_000))
                .map(f -> new BigDecimal(f, 2)));
    }

    @Property(tries = 3000)
    void parsesBackToTheSameAmount(@ForAll("amounts") BigDecimal amount) {
        String s = ChineseCapitals.of(amount);
        assertEquals(0, amount.compareTo(ChineseCapitals.parse(s)), s);
    }

    @Property(tries = 3000)
    void writtenAsTheRulesSay(@ForAll("amounts") BigDecimal amount) {
        String s = ChineseCapitals.of(amount);
        assertFalse(s.contains("零零"), "one 零 for several zeros: " + s);
        assertFalse(s.startsWith("拾") || s.matches(".*[元万亿]拾.*") && !s.matches(".*[元万亿]零.*"), "壹拾 with its 壹: " + s);
        assertTrue(s.matches("[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+"), s);
        boolean fen = amount.movePointRight(2).remainder(BigDecimal.TEN).signum() != 0;
        boolean jiao = amount.movePointRight(1).remainder(BigDecimal.TEN).setScale(0, java.math.RoundingMode.DOWN).signum() != 0;
        assertEquals(!fen && !jiao, s.endsWith("整"), "整 after 元 only: " + s);
        assertEquals(fen, s.endsWith("分"), s);
        assertFalse(s.endsWith("零"), s);
    }
}
