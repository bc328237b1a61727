package io.shebao.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoRules;
import io.shebao.contribution.ContributionResult;
import io.shebao.internal.json.ContributionJson;
import io.shebao.internal.json.RequestJson;
import io.shebao.internal.json.RetirementJson;
import io.shebao.retirement.RetirementResult;
import io.shebao.trace.Trace;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What a case asks: a contribution (缴费核定) or a retirement decision (退休). */
public enum CaseKind {
    CONTRIBUTION("contribution", RequestJson.CONTRIBUTION_FIELDS),
    RETIREMENT("retirement", RequestJson.RETIREMENT_FIELDS);

    private final String code;
    private final List<String> fields;

    CaseKind(String code, List<String> fields) {
        this.code = code;
        this.fields = fields;
    }

    public String code() {
        return code;
    }

    /** The API fields its input may have. */
    public List<String> fields() {
        return fields;
    }

    public static Optional<CaseKind> fromCode(String code) {
        for (CaseKind k : values()) {
            if (k.code.equals(code)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The answer as the CLI's {@code --format json} prints it, and its trace. */
    public record Answer(ObjectNode json, Trace trace) {
    }

    public Answer evaluate(ShebaoRules rules, JsonNode input, LocalDate today) {
        return switch (this) {
            case CONTRIBUTION -> {
                ContributionResult r = rules.contribution(RequestJson.contribution(input));
                yield new Answer(ContributionJson.resultWithTrace(r), r.trace());
            }
            case RETIREMENT -> {
                RetirementResult r = rules.retirement(RequestJson.retirement(input, today));
                yield new Answer(RetirementJson.resultWithTrace(r), r.trace());
            }
        };
    }
}
