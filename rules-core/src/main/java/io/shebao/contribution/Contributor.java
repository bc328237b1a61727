package io.shebao.contribution;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** 参保人员类别 for contributions: who pays. */
public enum Contributor {
    /** 企业职工: an employee; the employer and the employee share the contributions. */
    EMPLOYEE("employee", "企业职工"),
    /** 灵活就业人员: a flexible worker who pays alone on a base chosen between the year's floor and ceiling. */
    FLEXIBLE("flexible", "灵活就业人员");

    private final String code;
    private final String nameZh;

    Contributor(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Optional<Contributor> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    public static String allowedCodes() {
        return Arrays.stream(values()).map(Contributor::code).collect(Collectors.joining(", "));
    }
}
