package io.shebao.population;

import io.shebao.ShebaoException;
import io.shebao.internal.number.MonthText;
import io.shebao.internal.number.WholeBounds;
import io.shebao.retirement.Category;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.Sex;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import static io.shebao.population.PopulationColumns.BIRTH;
import static io.shebao.population.PopulationColumns.CATEGORY;
import static io.shebao.population.PopulationColumns.CONTRIBUTION_MONTHS;
import static io.shebao.population.PopulationColumns.SEX;

/**
 * Turns a row's retirement fields ({@code sex}, {@code birth} YYYY-MM, {@code category},
 * {@code contribution_months}) into a {@link RetirementQuery} (退休查询), asked for the row's region as of the
 * first day of its period, so that a batch gives the same answer whenever it is run. Errors are
 * {@link ShebaoException}s naming the column.
 */
public final class RetirementRowParser {
    private RetirementRowParser() {
    }

    /** True when the file has any retirement column. */
    public static boolean hasRetirementColumns(Columns columns) {
        return PopulationColumns.RETIREMENT.stream().anyMatch(columns::contains);
    }

    /** The query as of the first day of the row's period, or empty when the row leaves every retirement field blank. */
    public static Optional<RetirementQuery> parse(PopulationRow row, String region, YearMonth period) {
        return parse(row, region, period.atDay(1));
    }

    /** The query as of {@code asOf}, or empty when the row leaves every retirement field blank. */
    public static Optional<RetirementQuery> parse(PopulationRow row, String region, LocalDate asOf) {
        Optional<String> sex = row.nonBlank(SEX);
        Optional<String> birth = row.nonBlank(BIRTH);
        Optional<String> category = row.nonBlank(CATEGORY);
        Optional<String> months = row.nonBlank(CONTRIBUTION_MONTHS);
        if (sex.isEmpty() && birth.isEmpty() && category.isEmpty() && months.isEmpty()) {
            return Optional.empty();
        }
        RetirementQuery.Builder b = RetirementQuery.builder().region(region).asOf(asOf);
        sex.ifPresent(s -> b.sex(Sex.fromCode(s).orElseThrow(() ->
                ShebaoException.invalid(SEX, s, "allowed: " + Sex.allowedCodes()))));
        birth.ifPresent(s -> b.birthMonth(month(s)));
        category.ifPresent(s -> b.category(Category.fromCode(s).orElseThrow(() ->
                ShebaoException.invalid(CATEGORY, s, "allowed: " + Category.allowedCodes()))));
        months.ifPresent(s -> b.contributionMonths(count(s)));
        try {
            return Optional.of(b.build());
        } catch (ShebaoException e) {
            String field = e.field().map(ContributionRowParser::column).orElse(null);
            throw new ShebaoException(e.code(), field, e.value().orElse(null), e.getMessage());
        }
    }

    private static YearMonth month(String s) {
        return MonthText.parse(BIRTH, s, "a birth month YYYY-MM, e.g. 1966-03");
    }

    private static int count(String s) {
        return WholeBounds.MONTHS.parse(CONTRIBUTION_MONTHS, s);
    }
}
