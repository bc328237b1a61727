package io.shebao.contribution;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 参保单位类型: the kind of insured unit, which decides whether a time-limited exemption of the employer's
 * share (e.g. the 2020 COVID-19 exemption, 人社部发〔2020〕11号 and 〔2020〕49号) applies. Which kinds are exempt
 * in which months is a dated parameter of the catalogue, not a property of this type.
 */
public enum UnitKind {
    /** 中小微企业: small, medium and micro enterprises. */
    SME("sme", "中小微企业"),
    /** 大型企业等其他参保单位: large enterprises and other units that are neither SMEs nor public bodies. */
    LARGE("large", "大型企业等其他参保单位"),
    /** 以单位方式参保的个体工商户: individual businesses insured as units. */
    INDIVIDUAL_BUSINESS("individual-business", "以单位方式参保的个体工商户"),
    /** 机关事业单位: government bodies and public institutions. */
    PUBLIC_INSTITUTION("public-institution", "机关事业单位");

    private final String code;
    private final String nameZh;

    UnitKind(String code, String nameZh) {
        this.code = code;
        this.nameZh = nameZh;
    }

    /** The code used in options, population files, parameters and JSON, e.g. {@code individual-business}. */
    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Optional<UnitKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** "sme|large|individual-business|public-institution", for messages. */
    public static String allowedCodes() {
        return Arrays.stream(values()).map(UnitKind::code).collect(Collectors.joining("|"));
    }
}
