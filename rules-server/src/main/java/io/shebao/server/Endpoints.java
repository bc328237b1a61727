package io.shebao.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.ShebaoRules;
import io.shebao.audit.AuditRecord;
import io.shebao.audit.Explanation;
import io.shebao.audit.Language;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.ContributionResult;
import io.shebao.certificate.Certificate;
import io.shebao.certificate.CertificateEvaluator;
import io.shebao.certificate.CertificateRequest;
import io.shebao.certificate.CertificateSink;
import io.shebao.certificate.PersonBill;
import io.shebao.certificate.RosterReader;
import io.shebao.coverage.Coverage;
import io.shebao.internal.json.CertificateJson;
import io.shebao.internal.json.ContributionJson;
import io.shebao.internal.json.CoverageJson;
import io.shebao.internal.json.ServiceJson;
import io.shebao.population.RowError;
import io.shebao.services.ServiceCheck;
import io.shebao.internal.json.Json;
import io.shebao.internal.json.ParameterJson;
import io.shebao.internal.json.ReplayJson;
import io.shebao.internal.json.RequestJson;
import io.shebao.internal.json.RetirementJson;
import io.shebao.internal.json.WhatifJson;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.RetirementResult;
import io.shebao.scenario.Scenario;
import io.shebao.scenario.ScenarioReader;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The service's endpoints (接口清单). Each answers with exactly what the matching CLI command prints with
 * {@code --format json} (pretty JSON and a newline); {@code /replay} with the line {@code shebao replay --format json}
 * prints for the record. To add an endpoint, add one
 * {@link Endpoint} to {@link #all}: the router and the OpenAPI document both read this list.
 */
public final class Endpoints {
    private Endpoints() {
    }

    /**
     * @param rules the rules in force (baseline, with any parameter packs)
     * @param clock gives "today" for a retirement question without {@code asOf}, as on the command line
     */
    public static List<Endpoint> all(ShebaoRules rules, Clock clock) {
        return List.of(
                Endpoint.get("/health", "Liveness: {\"status\":\"ok\"} and the library version.",
                        c -> Json.write(Json.object().put("status", "ok").put("version", ShebaoRules.version()), false) + "\n"),
                Endpoint.post("/contribution", "缴费核定: the monthly contribution of one employee; the same JSON as "
                                + "`shebao contribution --format json`.", Schemas.contributionRequest(),
                        c -> pretty(ContributionJson.resultWithTrace(rules.contribution(RequestJson.contribution(c.body()))))),
                Endpoint.post("/retirement", "退休: when a person may retire; the same JSON as `shebao retirement --format json` "
                                + "(asOf defaults to today).", Schemas.retirementRequest(),
                        c -> pretty(RetirementJson.resultWithTrace(rules.retirement(
                                RequestJson.retirement(c.body(), LocalDate.now(clock)))))),
                Endpoint.post("/whatif/contribution", "What-if on one case: the contribution under the rules in force and "
                                + "under the scenario, side by side; the same JSON as `shebao contribution … --compare FILE "
                                + "--format json`.", Schemas.whatif(Schemas.contributionRequest()),
                        c -> {
                            ContributionRequest q = RequestJson.contribution(field(c.body(), "request"));
                            Scenario s = scenario(rules, c.body());
                            ContributionResult before = rules.contribution(q);
                            ContributionResult after = rules.withScenario(s).contribution(q);
                            return pretty(WhatifJson.comparison(before, after, s));
                        }),
                Endpoint.post("/whatif/retirement", "What-if on one case: the retirement decision under the rules in force "
                                + "and under the scenario; the same JSON as `shebao retirement … --compare FILE --format json`.",
                        Schemas.whatif(Schemas.retirementRequest()),
                        c -> {
                            RetirementQuery q = RequestJson.retirement(field(c.body(), "request"), LocalDate.now(clock));
                            Scenario s = scenario(rules, c.body());
                            RetirementResult before = rules.retirement(q);
                            RetirementResult after = rules.withScenario(s).retirement(q);
                            return pretty(WhatifJson.retirementComparison(before, after, s));
                        }),
                Endpoint.post("/explain", "计算说明: one audit record (a line of --audit-out) read out in words.",
                        Schemas.auditRecord(),
                        c -> {
                            AuditRecord r = record(c);
                            Language lang = language(c.queryParams().getOrDefault("lang", "zh"));
                            ObjectNode o = Json.object().put("digestMatches", r.digestMatches());
                            Explanation.of(r, lang).lines().forEach(o.putArray("lines")::add);
                            return pretty(o);
                        }).withQuery("lang", "zh (default) or en"),
                Endpoint.post("/replay", "重放: recompute one audit record with the rules in force and compare; the same "
                                + "line as `shebao replay --format json` prints for it.", Schemas.auditRecord(),
                        c -> Json.write(ReplayJson.outcome(rules.audit().replay(record(c), Optional.empty(), 1)), false) + "\n"),
                Endpoint.get("/parameters", "Every dated parameter value with its reference and provenance; the same JSON "
                        + "as `shebao params list --format json`.", c -> pretty(ParameterJson.all(rules.parameters()))),
                Endpoint.get("/parameters/{id}", "One parameter's timeline (only a region's values with region=, a key's "
                                + "with key=), or with at=YYYY-MM the value in force; the same JSON as `shebao params show ID "
                                + "[--region R] [--at M] [--key K] --format json`.",
                        c -> pretty(ParameterJson.show(rules.parameters(), rules.regions(), c.pathParams().get("id"),
                                c.queryParams().get("region"), month(c, "at"), c.queryParams().get("key"))))
                        .withQuery("region", "a region code: its own and its province's values")
                        .withQuery("at", "YYYY-MM: the value in force that month (needs region)")
                        .withQuery("key", "the key of a keyed parameter, e.g. a risk class"),
                Endpoint.get("/regions", "The regions (统筹地区); the same JSON as `shebao params regions --format json`.",
                        c -> pretty(ParameterJson.regions(rules.regions()))),
                Endpoint.get("/coverage", "数据覆盖: known / assumed / unknown per region, month and insurance; the same JSON "
                                + "as `shebao params coverage [--from M] [--to M] [--region R] --format json`.",
                        c -> pretty(CoverageJson.of(Coverage.of(rules, orElse(month(c, "from"), COVERAGE_FROM),
                                orElse(month(c, "to"), COVERAGE_TO), c.queryParams().get("region")))))
                        .withQuery("from", "first month YYYY-MM (default " + COVERAGE_FROM + ")")
                        .withQuery("to", "last month YYYY-MM (default " + COVERAGE_TO + ")")
                        .withQuery("region", "one region (default: every city and prefecture)"),
                Endpoint.post("/certificate", "参保缴费证明 / 应缴认定单: the unit's monthly certificate from its roster; the same "
                                + "JSON as `shebao certificate --unit FILE --roster FILE --period M --issued-on D --format json`. "
                                + "A roster with rows in error is refused (400, the rows named): no partial certificate is issued.",
                        Schemas.certificateRequest(), c -> pretty(CertificateJson.resultWithTrace(certificate(rules, c.body())))),
                Endpoint.post("/services/{code}/check", "事项审核: may this person or unit do this service item? The same JSON as "
                                + "`shebao services check CODE --fact NAME=VALUE … [--applied-on D] --format json` "
                                + "(appliedOn defaults to today).", Schemas.serviceCheck(),
                        c -> {
                            ServiceCheck sc = rules.services().check(c.pathParams().get("code"), RequestJson.facts(c.body()),
                                    RequestJson.appliedOn(c.body(), LocalDate.now(clock)));
                            ObjectNode j = ServiceJson.check(sc);
                            j.set("trace", Json.trace(sc.trace()));
                            return pretty(j);
                        }));
    }

    /** {@code shebao params coverage}'s default months. */
    static final YearMonth COVERAGE_FROM = YearMonth.of(2021, 7);
    static final YearMonth COVERAGE_TO = YearMonth.of(2026, 12);

    /**
     * The certificate of the body's roster, every person's months included (as the CLI's JSON has them). Rows in
     * error refuse the certificate, naming them: a partial certificate is a wrong bill.
     */
    private static Certificate certificate(ShebaoRules rules, JsonNode body) {
        CertificateRequest header = RequestJson.certificate(body);
        List<PersonBill> persons = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        try (RosterReader roster = RequestJson.roster(body)) {
            Certificate c = rules.certificates().stream(header, roster, new CertificateSink() {
                @Override
                public void person(PersonBill bill) {
                    persons.add(bill);
                }

                @Override
                public void error(RowError error) {
                    errors.add(error);
                }
            });
            if (!errors.isEmpty()) {
                throw CertificateEvaluator.rowsInError(errors);
            }
            return c.withPersons(persons);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory roster: closing cannot fail
        }
    }

    private static YearMonth month(Endpoint.Call c, String name) {
        String v = c.queryParams().get(name);
        if (v == null) {
            return null;
        }
        try {
            return YearMonth.parse(v);
        } catch (DateTimeParseException e) {
            throw ShebaoException.invalid(name, v, "a month YYYY-MM, e.g. 2025-09");
        }
    }

    private static YearMonth orElse(YearMonth m, YearMonth dflt) {
        return m == null ? dflt : m;
    }

    /** As the CLI prints JSON: pretty, then a line end. */
    static String pretty(JsonNode n) {
        return Json.write(n, true) + System.lineSeparator();
    }

    private static JsonNode field(JsonNode body, String name) {
        if (body == null || !body.isObject() || !body.has(name)) {
            throw ShebaoException.invalid(name, "", "missing; the body is {\"request\": {…}, \"scenario\": {…}}");
        }
        return body.get(name);
    }

    /**
     * The scenario as a JSON object (a scenario file's keys) or as the text of a scenario file; the trace names its
     * values' place as {@code request.scenario} and the line in that text.
     */
    private static Scenario scenario(ShebaoRules rules, JsonNode body) {
        JsonNode s = field(body, "scenario");
        String text = s.isTextual() ? s.textValue() : Json.write(s, false);
        return ScenarioReader.of(rules).read(new StringReader(text), "request.scenario");
    }

    /** The record as sent: its digest is over its own text's content. */
    private static AuditRecord record(Endpoint.Call c) {
        if (c.body() == null || !c.body().isObject()) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "body", "", "body: an audit record (one line of --audit-out) as a JSON object");
        }
        return AuditRecord.parse(c.text().strip());
    }

    private static Language language(String s) {
        return switch (s) {
            case "zh" -> Language.ZH;
            case "en" -> Language.EN;
            default -> throw ShebaoException.invalid("lang", s, "zh or en");
        };
    }
}
