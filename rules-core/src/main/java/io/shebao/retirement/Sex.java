package io.shebao.retirement;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** 性别 of the insured person. */
public enum Sex {
    MALE("male", "男"),
    FEMALE("female", "女");

    private final String code;
    private final String nameZh;

    Sex(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Optional<Sex> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equalsIgnoreCase(code)).findFirst();
    }

    public static String allowedCodes() {
        return Arrays.stream(values()).map(Sex::code).collect(Collectors.joining(", "));
    }
}
