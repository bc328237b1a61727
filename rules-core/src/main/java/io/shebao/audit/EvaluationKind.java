package io.shebao.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 评估类型: the kind of question an audit record answers. Each kind knows how to read its request back and
 * recompute it ({@link Audit}); new kinds (retirement, …) are added here.
 */
public enum EvaluationKind {
    /** 缴费核定: a monthly contribution ({@code ShebaoRules.contribution}). */
    CONTRIBUTION,
    /** 退休: retirement age, minimum contributions and options ({@code ShebaoRules.retirement}). */
    RETIREMENT,
    /** 应缴认定单: a unit's monthly contribution certificate ({@code ShebaoRules.certificate}). */
    CERTIFICATE,
    /** 事项核验: a service item checked for one applicant ({@code ShebaoRules.services().check}). */
    SERVICE;

    /** The code written in records: {@code contribution}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EvaluationKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    public static String allowedCodes() {
        return Arrays.stream(values()).map(EvaluationKind::code).collect(Collectors.joining(", "));
    }
}
