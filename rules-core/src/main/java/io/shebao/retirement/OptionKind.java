package io.shebao.retirement;

/** The paths open to a person short of the minimum contribution years at statutory age. */
public enum OptionKind {
    /** 延长缴费 (SBZX00038; 国务院办法 Art. 4). */
    EXTEND_CONTRIBUTIONS("extend-contributions", "延长缴费"),
    /** 一次性补缴 (SBZX00038). */
    LUMP_SUM_BACK_PAYMENT("lump-sum-back-payment", "一次性补缴"),
    /** 个人账户储存额一次性支付, instead of a monthly pension (SBZX00062). */
    ONE_OFF_ACCOUNT_PAYMENT("one-off-account-payment", "个人账户一次性支付");

    private final String code;
    private final String nameZh;

    OptionKind(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }
}
