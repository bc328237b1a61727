package io.shebao.retirement;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The documentary grounds of SBZX00041 (pension relationship transferred in to this city) that the caller
 * declares; the age ground is computed from the birth month.
 */
public enum TransferGround {
    /** 返回户籍所在地就业参保. */
    HUKOU_RETURN("hukou-return"),
    /** 经组织、人社部门批准调动，且与调入单位建立劳动关系并缴费. */
    APPROVED_TRANSFER("approved-transfer"),
    /** 达到待遇领取条件时转回上一个缴费满10年的原参保地（或户籍地）. */
    TEN_YEAR_RETURN("ten-year-return");

    private final String code;

    TransferGround(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<TransferGround> fromCode(String code) {
        return Arrays.stream(values()).filter(g -> g.code.equalsIgnoreCase(code)).findFirst();
    }

    public static String allowedCodes() {
        return Arrays.stream(values()).map(TransferGround::code).collect(Collectors.joining(", "));
    }
}
