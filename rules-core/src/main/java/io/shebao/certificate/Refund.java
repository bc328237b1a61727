package io.shebao.certificate;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * 多缴退费: a paid month after the person's stop month, refundable online; the amount is what the contribution
 * rules give for that month (the amount actually paid is on the unit's payment records).
 */
public record Refund(long row, String id, String name, YearMonth month, BigDecimal employer, BigDecimal employee) {
    public BigDecimal total() {
        return employer.add(employee);
    }
}
