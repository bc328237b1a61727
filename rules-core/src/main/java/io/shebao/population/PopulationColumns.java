package io.shebao.population;

import java.util.List;

/** The column names of the population format shared by {@code shebao batch} and {@code shebao whatif}. */
public final class PopulationColumns {
    /** 人员标识: the person's id, copied to the output. */
    public static final String ID = "id";
    /** 统筹地区 code, e.g. {@code wuhan}. */
    public static final String REGION = "region";
    /** 费款所属期 YYYY-MM. */
    public static final String PERIOD = "period";
    /** 申报缴费工资: declared monthly wage (clamped to floor and ceiling). */
    public static final String WAGE = "wage";
    /** 缴费基数 already declared: used as given. */
    public static final String BASE = "base";
    /** 行业风险类别 1–8. */
    public static final String RISK_CLASS = "risk_class";
    /** 浮动费率档次 in percent, default 100. */
    public static final String FLOAT_GRADE = "float_grade";
    /** Insurances to compute, e.g. {@code pension;unemployment}; empty = the region's default. */
    public static final String INSURANCES = "insurances";
    /** 参保单位类型: sme, large, individual-business or public-institution (needed for 2020-02…2020-12). */
    public static final String UNIT_KIND = "unit_kind";
    /** 参保人员类别: employee (default) or flexible; a flexible row gives base, and birth with sex for the age check. */
    public static final String CONTRIBUTOR = "contributor";
    /** Retirement fields (性别, 出生年月, 人员类别, 缴费月数). */
    public static final String SEX = "sex";
    public static final String BIRTH = "birth";
    public static final String CATEGORY = "category";
    public static final String CONTRIBUTION_MONTHS = "contribution_months";

    public static final List<String> RETIREMENT = List.of(SEX, BIRTH, CATEGORY, CONTRIBUTION_MONTHS);

    /** Every column read; any other column is ignored. */
    public static final List<String> ALL = List.of(ID, REGION, PERIOD, WAGE, BASE, RISK_CLASS, FLOAT_GRADE, INSURANCES,
            UNIT_KIND, CONTRIBUTOR, SEX, BIRTH, CATEGORY, CONTRIBUTION_MONTHS);

    private PopulationColumns() {
    }
}
