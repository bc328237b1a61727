package io.shebao.retirement;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 特殊工种: the kinds of hazardous work of YLC00001. The years each kind requires are dated parameters
 * ({@code retirement.early.special_work.min_years}, keyed by {@link #code()}).
 */
public enum SpecialWork {
    HEIGHTS("heights", "高空作业"),
    HEAVY_LABOUR("heavy-labour", "特别繁重体力劳动"),
    UNDERGROUND("underground", "井下作业"),
    HIGH_TEMPERATURE("high-temperature", "高温作业"),
    TOXIC("toxic", "有毒有害作业");

    private final String code;
    private final String nameZh;

    SpecialWork(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Optional<SpecialWork> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equalsIgnoreCase(code)).findFirst();
    }

    public static String allowedCodes() {
        return Arrays.stream(values()).map(SpecialWork::code).collect(Collectors.joining(", "));
    }
}
