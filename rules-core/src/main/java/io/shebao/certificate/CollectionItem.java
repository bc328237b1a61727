package io.shebao.certificate;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * 征集明细: what the certificate collects for one month, current (单位整体核定) or back payment (补收).
 *
 * @param kind {@link MonthKind#CURRENT} or {@link MonthKind#BACK_PAYMENT}
 */
public record CollectionItem(MonthKind kind, YearMonth month, BigDecimal employer, BigDecimal employee,
                             BigDecimal lateFee, BigDecimal interest, BigDecimal total) {
    /** The 核定数据类型 as the certificate writes it. */
    public String label() {
        return kind == MonthKind.CURRENT ? "单位整体核定" : "补收 " + month;
    }
}
