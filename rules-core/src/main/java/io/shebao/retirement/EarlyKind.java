package io.shebao.retirement;

/** The early-retirement routes of seed 002. */
public enum EarlyKind {
    /** 特殊工种提前退休 (YLC00001). */
    SPECIAL_WORK("special-work", "特殊工种提前退休", "YLC00001"),
    /** 因病或非因工完全丧失劳动能力提前退休 (YLC00002). */
    ILLNESS("illness", "因病或非因工完全丧失劳动能力提前退休", "YLC00002");

    private final String code;
    private final String nameZh;
    private final String item;

    EarlyKind(String code, String nameZh, String item) {
        this.code = code;
        this.nameZh = nameZh;
        this.item = item;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    /** The seed item code. */
    public String item() {
        return item;
    }
}
