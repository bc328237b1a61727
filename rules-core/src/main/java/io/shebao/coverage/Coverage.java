package io.shebao.coverage;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.Insurance;
import io.shebao.contribution.UnitKind;
import io.shebao.region.Region;
import io.shebao.trace.ParameterUse;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 覆盖情况一览: for every region and month of a range, per insurance, whether the catalogue's answer is known,
 * assumed or unknown (and for which parameters). It asks the rules themselves, one insurance at a time, for
 * an employee of risk class 1 with a declared wage, so the answer is exactly what a user would get; a public
 * institution is assumed as the unit kind so that no 2020 exemption hides a rate.
 *
 * @param cells region by region (catalogue order), then insurance, then month
 */
public record Coverage(YearMonth from, YearMonth to, List<String> regions, List<CoverageCell> cells) {
    /** A wage inside every year's limits; the wage only matters through the limits, which are checked anyway. */
    private static final String WAGE = "6000";
    private static final Pattern PARAMETERS = Pattern.compile("\\(parameters? ([^;)]+)");

    public Coverage {
        Objects.requireNonNull(from);
        Objects.requireNonNull(to);
        regions = List.copyOf(regions);
        cells = List.copyOf(cells);
    }

    /**
     * @param region one region code, or null for every region below the province (the province sets no base
     *               limits of its own)
     */
    public static Coverage of(ShebaoRules rules, YearMonth from, YearMonth to, String region) {
        if (to.isBefore(from)) {
            throw ShebaoException.invalid("to", to, "a month not before --from " + from);
        }
        if (from.plusYears(20).isBefore(to)) {
            throw ShebaoException.invalid("to", to, "at most 20 years after --from " + from);
        }
        List<String> regions = new ArrayList<>();
        if (region != null) {
            regions.add(rules.regions().require("region", region).code());
        } else {
            for (Region r : rules.regions().all()) {
                if (r.parent().isPresent()) {
                    regions.add(r.code());
                }
            }
        }
        List<CoverageCell> cells = new ArrayList<>();
        for (String r : regions) {
            for (Insurance i : Insurance.values()) {
                // n/a only for an insurance no region defines; a region without values is unknown, never "not charged"
                boolean defined = rules.parameters().definitions().containsKey(i.definingParameter());
                for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                    cells.add(defined ? cell(rules, r, m, i)
                            : new CoverageCell(r, m, i, CoverageStatus.NOT_APPLICABLE, List.of(), ""));
                }
            }
        }
        return new Coverage(from, to, regions, cells);
    }

    private static CoverageCell cell(ShebaoRules rules, String region, YearMonth m, Insurance i) {
        ContributionRequest.Builder b = ContributionRequest.builder(region, m).wage(WAGE).insurances(i)
                .unitKind(UnitKind.PUBLIC_INSTITUTION);
        if (i.riskClassRequired()) {
            b.riskClass(1);
        }
        try {
            ContributionResult r = rules.contribution(b.build());
            TreeSet<String> assumed = new TreeSet<>();
            for (ParameterUse u : r.trace().parameters()) {
                if (u.provenance().equals("assumed")) {
                    assumed.add(u.qualifiedId());
                }
            }
            return new CoverageCell(region, m, i, assumed.isEmpty() ? CoverageStatus.KNOWN : CoverageStatus.ASSUMED,
                    List.copyOf(assumed), "");
        } catch (ShebaoException e) {
            if (e.code() != ErrorCode.PARAMETER_UNKNOWN) {
                throw e;
            }
            TreeSet<String> missing = new TreeSet<>();
            Matcher x = PARAMETERS.matcher(e.getMessage());
            while (x.find()) {
                for (String p : x.group(1).split(",")) {
                    missing.add(p.strip());
                }
            }
            return new CoverageCell(region, m, i, CoverageStatus.UNKNOWN, List.copyOf(missing), e.getMessage());
        }
    }

    /** Consecutive months of one region and insurance with the same status and parameters. */
    public record Stretch(String region, Insurance insurance, YearMonth from, YearMonth to, CoverageStatus status,
                         List<String> parameters) {
    }

    public List<Stretch> stretches() {
        List<Stretch> out = new ArrayList<>();
        CoverageCell start = null;
        CoverageCell last = null;
        for (CoverageCell c : cells) {
            if (start != null && (!c.region().equals(start.region()) || c.insurance() != start.insurance()
                    || c.status() != start.status() || !c.parameters().equals(start.parameters()))) {
                out.add(new Stretch(start.region(), start.insurance(), start.month(), last.month(), start.status(),
                        start.parameters()));
                start = null;
            }
            if (start == null) {
                start = c;
            }
            last = c;
        }
        if (start != null) {
            out.add(new Stretch(start.region(), start.insurance(), start.month(), last.month(), start.status(),
                    start.parameters()));
        }
        return out;
    }

    /** Number of cells of a status. */
    public long count(CoverageStatus s) {
        return cells.stream().filter(c -> c.status() == s).count();
    }
}
