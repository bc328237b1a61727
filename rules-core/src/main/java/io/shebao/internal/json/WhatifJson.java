package io.shebao.internal.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.contribution.ContributionResult;
import io.shebao.contribution.Insurance;
import io.shebao.scenario.ParameterOverride;
import io.shebao.scenario.Scenario;
import io.shebao.retirement.RetirementResult;
import io.shebao.whatif.RetirementShift;
import io.shebao.whatif.SideTotals;
import io.shebao.whatif.Summary;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.shebao.internal.json.Json.decimal;

/** JSON of what-if scenarios and comparisons (the CLI's {@code --format json}, also for audit records). */
public final class WhatifJson {
    private WhatifJson() {
    }

    /** The scenario: name, hash, description, overrides and switches. */
    public static ObjectNode scenario(Scenario s) {
        ObjectNode o = Json.object().put("name", s.name()).put("hash", s.hash()).put("description", s.description())
                .put("source", s.source());
        ArrayNode a = o.putArray("overrides");
        for (ParameterOverride v : s.overrides()) {
            ObjectNode n = a.addObject().put("parameter", v.parameter());
            if (!v.key().isEmpty()) {
                n.put("key", v.key());
            }
            n.put("region", v.region()).put("from", v.from().toString());
            v.until().ifPresent(u -> n.put("until", u.toString()));
            n.put("value", v.value()).put("cities", v.cities() ? "override" : "keep").put("reference", v.reference())
                    .put("line", v.line());
        }
        ObjectNode sw = o.putObject("switches");
        s.switches().forEach(sw::put);
        return o;
    }

    /** Totals of one side: employer, employee, total and byInsurance (code → employer, employee). */
    public static ObjectNode totals(SideTotals t) {
        ObjectNode o = Json.object().put("employer", decimal(t.employer())).put("employee", decimal(t.employee()))
                .put("total", decimal(t.total()));
        ObjectNode by = o.putObject("byInsurance");
        t.byInsurance().forEach((i, a) -> by.putObject(i.code()).put("employer", decimal(a.employer()))
                .put("employee", decimal(a.employee())));
        return o;
    }

    /** The difference with percentages of the baseline (absent where the baseline is zero). */
    public static ObjectNode difference(SideTotals baseline, SideTotals scenario) {
        SideTotals d = scenario.minus(baseline);
        ObjectNode o = totals(d);
        ObjectNode pct = Json.object();
        percent(pct, "employer", baseline.employer(), d.employer());
        percent(pct, "employee", baseline.employee(), d.employee());
        percent(pct, "total", baseline.total(), d.total());
        ObjectNode by = pct.putObject("byInsurance");
        for (Map.Entry<Insurance, SideTotals.Amounts> e : d.byInsurance().entrySet()) {
            ObjectNode n = by.putObject(e.getKey().code());
            percent(n, "employer", baseline.of(e.getKey()).employer(), e.getValue().employer());
            percent(n, "employee", baseline.of(e.getKey()).employee(), e.getValue().employee());
        }
        o.set("percent", pct);
        return o;
    }

    private static void percent(ObjectNode o, String key, BigDecimal base, BigDecimal diff) {
        Optional<BigDecimal> p = Summary.percent(base, diff);
        p.ifPresent(v -> o.put(key, decimal(v)));
    }

    /** A population comparison: rows, errors, baseline, scenario, difference, counts and distribution. */
    public static ObjectNode summary(Summary s, Scenario scenario) {
        ObjectNode o = Json.object();
        o.put("scenarioName", scenario.name()).put("scenarioHash", scenario.hash());
        o.put("rows", s.rows()).put("errors", s.errors()).put("rowsWithWarnings", s.warnings());
        if (!s.assumptions().isEmpty()) {
            o.set("assumptions", Json.messages(s.assumptions()));
        }
        o.set("baseline", totals(s.baseline()));
        o.set("scenario", totals(s.scenario()));
        o.set("difference", difference(s.baseline(), s.scenario()));
        o.putObject("people").put("rise", s.rises()).put("fall", s.falls()).put("same", s.stays());
        ObjectNode dist = o.putObject("changeDistribution");
        s.minChange().ifPresent(m -> dist.put("min", decimal(m)));
        List<BigDecimal> d = s.changeDeciles();
        for (int i = 0; i < d.size(); i++) {
            dist.put("p" + (i + 1) * 10, decimal(d.get(i)));
        }
        s.maxChange().ifPresent(m -> dist.put("max", decimal(m)));
        ArrayNode bands = o.putArray("wageBands");
        for (Summary.WageBand b : s.wageBands()) {
            bands.addObject().put("band", b.index()).put("wageFrom", decimal(b.low())).put("wageTo", decimal(b.high()))
                    .put("people", b.people()).put("baseline", decimal(b.baseline()))
                    .put("scenario", decimal(b.scenario())).put("change", decimal(b.change()))
                    .put("meanChange", decimal(b.meanChange())).put("rise", b.rises()).put("fall", b.falls());
        }
        s.retirement().ifPresent(r -> {
            ObjectNode n = o.putObject("retirement");
            n.put("people", r.people()).put("later", r.later()).put("earlier", r.earlier()).put("unchanged", r.unchanged());
            r.asOf().ifPresent(day -> n.put("asOf", day.toString())); // absent: each row as of its own period
            ObjectNode sh = n.putObject("byShiftMonths");
            r.byShift().forEach((k, v) -> sh.put(String.valueOf(k), v));
            ArrayNode years = n.putArray("byBirthYear");
            for (RetirementShift.BirthYear y : r.byBirthYear()) {
                years.addObject().put("year", y.year()).put("people", y.people()).put("moved", y.moved())
                        .put("meanShiftMonths", decimal(y.meanShiftMonths()));
            }
        });
        // added for policy teams (issue 13): a year's figures and the groups; every monthly figure is above
        ObjectNode annual = o.putObject("annual");
        annual.put("basis", "monthly × 12: each computed row's monthly contribution paid for twelve months");
        annual.set("baseline", totals(annual(s.baseline())));
        annual.set("scenario", totals(annual(s.scenario())));
        annual.set("difference", totals(annual(s.difference())));
        o.set("byPeriod", groups(s.byPeriod()));
        o.set("byRegion", groups(s.byRegion()));
        o.set("byRiskClass", groups(s.byRiskClass()));
        o.set("scenarioDefinition", scenario(scenario));
        return o;
    }

    private static SideTotals annual(SideTotals t) {
        java.util.Map<Insurance, SideTotals.Amounts> m = new java.util.TreeMap<>();
        t.byInsurance().forEach((i, a) -> m.put(i, new SideTotals.Amounts(Summary.annual(a.employer()), Summary.annual(a.employee()))));
        return new SideTotals(Summary.annual(t.employer()), Summary.annual(t.employee()), m);
    }

    /** Groups with their monthly totals (employer + employee), difference, and head counts. */
    private static ArrayNode groups(List<io.shebao.whatif.Group> groups) {
        ArrayNode a = Json.array();
        for (io.shebao.whatif.Group g : groups) {
            a.addObject().put("key", g.key()).put("people", g.people()).put("rise", g.rises()).put("fall", g.falls())
                    .put("baseline", decimal(g.baseline())).put("scenario", decimal(g.scenario()))
                    .put("change", decimal(g.change()));
        }
        return a;
    }

    /** One retirement question answered under the baseline and the scenario, with the shift. */
    public static ObjectNode retirementComparison(RetirementResult baseline, RetirementResult scenario, Scenario s) {
        ObjectNode o = Json.object();
        o.put("scenarioName", s.name()).put("scenarioHash", s.hash());
        o.set("baseline", RetirementJson.result(baseline));
        o.set("scenario", RetirementJson.resultWithTrace(scenario));
        o.putObject("difference")
                .put("retirementMonthShiftMonths", java.time.temporal.ChronoUnit.MONTHS.between(baseline.retirementMonth(),
                        scenario.retirementMonth()))
                .put("statutoryAgeMonths", scenario.statutoryAge().totalMonths() - baseline.statutoryAge().totalMonths())
                .put("minimumContributionMonths", scenario.minimumContributionMonths() - baseline.minimumContributionMonths());
        return o;
    }

    /** One case computed under the baseline and the scenario, with the difference. */
    public static ObjectNode comparison(ContributionResult baseline, ContributionResult scenario, Scenario s) {
        ObjectNode o = Json.object();
        o.put("scenarioName", s.name()).put("scenarioHash", s.hash());
        o.set("baseline", ContributionJson.result(baseline));
        o.set("scenario", ContributionJson.resultWithTrace(scenario));
        SideTotals b = SideTotals.zero().plusLines(baseline.lines());
        SideTotals a = SideTotals.zero().plusLines(scenario.lines());
        o.set("difference", difference(b, a));
        return o;
    }
}
