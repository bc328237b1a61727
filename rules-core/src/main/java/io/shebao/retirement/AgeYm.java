package io.shebao.retirement;


import static com.google.common.base.Preconditions.checkArgument;

/** An age in whole years and months, e.g. 55 years 4 months. */
public record AgeYm(int years, int months) {
    public AgeYm {
        checkArgument(years >= 0 && months >= 0 && months <= 11, "age %sy%sm", years, months);
    }

    public static AgeYm ofMonths(int total) {
        return new AgeYm(total / 12, total % 12);
    }

    public int totalMonths() {
        return years * 12 + months;
    }

    /** 55岁4个月 / 60岁. */
    public String zh() {
        return years + "岁" + (months == 0 ? "" : months + "个月");
    }

    /** 55 years 4 months / 60 years. */
    public String en() {
        return years + " years" + (months == 0 ? "" : " " + months + (months == 1 ? " month" : " months"));
    }

    @Override
    public String toString() {
        return en();
    }
}
