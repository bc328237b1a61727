package io.shebao.contribution;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** 险种: the insurances of the enterprise employee scheme. */
public enum Insurance {
    /** 基本养老保险: basic pension insurance. */
    PENSION("基本养老保险", "pension.employer_rate"),
    /** 失业保险: unemployment insurance. */
    UNEMPLOYMENT("失业保险", "unemployment.employer_rate"),
    /** 工伤保险: work-injury insurance (employer only). */
    WORK_INJURY("工伤保险", "work_injury.base_rate"),
    /** 基本医疗保险: basic medical insurance. */
    MEDICAL("基本医疗保险", "medical.employer_rate"),
    /** 生育保险: maternity insurance. */
    MATERNITY("生育保险", "maternity.employer_rate");

    private final String nameZh;
    private final String definingParameter;

    Insurance(String nameZh, String definingParameter) {
        this.nameZh = nameZh;
        this.definingParameter = definingParameter;
    }

    /** The code used in files, options and JSON: {@code pension}, {@code work_injury}… */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String nameZh() {
        return nameZh;
    }

    /**
     * The parameter whose presence in a region's parameters makes this insurance part of the region's
     * scheme (so it applies by default).
     */
    public String definingParameter() {
        return definingParameter;
    }

    /** The parameter-id prefix of this insurance's parameters, e.g. {@code unemployment.}. */
    public String parameterPrefix() {
        return code() + ".";
    }

    public static Optional<Insurance> fromCode(String code) {
        return Arrays.stream(values()).filter(i -> i.code().equals(code)).findFirst();
    }

    public static String allowedCodes() {
        return Arrays.stream(values()).map(Insurance::code).collect(Collectors.joining(", "));
    }
}
