package io.shebao.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoRules;
import io.shebao.audit.AuditRecord;
import io.shebao.audit.Explanation;
import io.shebao.internal.json.Json;
import io.shebao.scenario.Scenario;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * How a command that answers one question prints its answer — the same steps for a contribution and a
 * retirement decision: compute under the scenario (if any), compare with the baseline on {@code --compare},
 * write the audit record(s), then print JSON or a table with the explanation.
 *
 * @param <Q> the question (request or query)
 * @param <R> the answer
 */
final class Answer<Q, R> {
    /** What differs between the kinds of answer. */
    interface Kind<Q, R> {
        R evaluate(ShebaoRules rules, Q question);

        AuditRecord record(ShebaoRules rules, R answer);

        ObjectNode json(R answer);

        ObjectNode comparisonJson(R before, R after, Scenario scenario);

        void table(PrintWriter out, R answer);

        void comparisonTable(PrintWriter out, R before, R after, Scenario scenario);
    }

    private final Kind<Q, R> kind;

    Answer(Kind<Q, R> kind) {
        this.kind = kind;
    }

    void print(Q question, Common common, ScenarioOptions scenarioOptions, AuditOptions audit, PrintWriter out) {
        ShebaoRules baseline = common.rules();
        Optional<Scenario> scenario = scenarioOptions.load(baseline);
        ShebaoRules rules = scenario.map(baseline::withScenario).orElse(baseline);
        R answer = kind.evaluate(rules, question);
        boolean json = common.format == Common.Format.json;
        if (scenarioOptions.comparing()) {
            R before = kind.evaluate(baseline, question);
            if (audit.wanted()) { // both answers are recorded: the baseline's, then the scenario's (named with its hash)
                audit.write(kind.record(baseline, before));
                audit.write(kind.record(rules, answer));
            }
            if (json) {
                out.println(Json.write(kind.comparisonJson(before, answer, scenario.get()), true));
            } else {
                kind.comparisonTable(out, before, answer, scenario.get());
            }
            out.flush();
            return;
        }
        Optional<AuditRecord> record = audit.wanted() ? Optional.of(kind.record(rules, answer)) : Optional.empty();
        record.ifPresent(audit::write);
        Optional<Explanation> explanation = record.flatMap(audit::explanation);
        if (json) {
            ObjectNode j = kind.json(answer);
            scenario.ifPresent(s -> j.putObject("scenario").put("name", s.name()).put("hash", s.hash()));
            explanation.ifPresent(e -> e.lines().forEach(j.putArray("explanation")::add));
            out.println(Json.write(j, true));
        } else {
            scenario.ifPresent(s -> out.println("scenario: " + ScenarioOptions.label(s)
                    + " — hypothetical values, not the rules in force"));
            kind.table(out, answer);
            explanation.ifPresent(e -> AuditOptions.print(out, e));
        }
        out.flush();
    }
}
