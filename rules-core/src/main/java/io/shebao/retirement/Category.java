package io.shebao.retirement;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 原法定退休年龄类别: the group that fixes a person's original statutory retirement age (seed 002
 * SBZX00060). The ages themselves are dated parameters ({@code retirement.original_age_years}, keyed by
 * {@link #code()}), not constants here.
 */
public enum Category {
    /** 男职工 (original age 60). */
    MALE("male", Sex.MALE, "男职工", "man"),
    /** 女干部: management or technical post (original age 55). */
    FEMALE_CADRE("female-cadre", Sex.FEMALE, "女干部（管理或技术岗位）", "woman in a cadre (management/technical) post"),
    /** 女工人: production or service post (original age 50). */
    FEMALE_WORKER("female-worker", Sex.FEMALE, "女工人（操作、生产或服务岗位）", "woman worker (production/service post)"),
    /** 个体工商户、灵活就业女性 (original age 55). */
    FEMALE_FLEXIBLE("female-flexible", Sex.FEMALE, "个体工商户及灵活就业女性", "self-employed or flexibly employed woman"),
    /** 个人窗口参保、原国有或集体企业正式职工的女性, who chose 50. */
    FEMALE_INDIVIDUAL_50("female-individual-50", Sex.FEMALE, "个人窗口参保的原国有/集体企业女职工（选择50周岁）",
            "woman insured at the individual window, formerly a regular state/collective enterprise employee, choosing 50"),
    /** 个人窗口参保、原国有或集体企业正式职工的女性, who chose 55. */
    FEMALE_INDIVIDUAL_55("female-individual-55", Sex.FEMALE, "个人窗口参保的原国有/集体企业女职工（选择55周岁）",
            "woman insured at the individual window, formerly a regular state/collective enterprise employee, choosing 55");

    private final String code;
    private final Sex sex;
    private final String nameZh;
    private final String nameEn;

    Category(String code, Sex sex, String nameZh, String nameEn) {
        this.code = code;
        this.sex = sex;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String code() {
        return code;
    }

    public Sex sex() {
        return sex;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public static Optional<Category> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equalsIgnoreCase(code)).findFirst();
    }

    public static String allowedCodes() {
        return Arrays.stream(values()).map(Category::code).collect(Collectors.joining(", "));
    }
}
