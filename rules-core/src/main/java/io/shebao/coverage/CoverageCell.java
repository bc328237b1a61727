package io.shebao.coverage;

import io.shebao.contribution.Insurance;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * One insurance in one region and month.
 *
 * @param parameters for ASSUMED the assumed parameters used; for UNKNOWN the parameters without a value
 *                   (or, when the rules failed for another reason, empty and the reason in {@code detail})
 * @param detail     the error message for UNKNOWN, else empty
 */
public record CoverageCell(String region, YearMonth month, Insurance insurance, CoverageStatus status,
                           List<String> parameters, String detail) {
    public CoverageCell {
        Objects.requireNonNull(region);
        Objects.requireNonNull(month);
        Objects.requireNonNull(insurance);
        Objects.requireNonNull(status);
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(detail);
    }
}
