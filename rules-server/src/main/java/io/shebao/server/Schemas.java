package io.shebao.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.contribution.Contributor;
import io.shebao.contribution.Insurance;
import io.shebao.contribution.UnitKind;
import io.shebao.internal.json.Json;
import io.shebao.internal.json.RequestJson;
import io.shebao.retirement.Category;
import io.shebao.retirement.SpecialWork;
import io.shebao.retirement.TransferGround;

import java.util.Arrays;
import java.util.List;

/** JSON schemas (OpenAPI 3.0) of the request bodies, written from the same field lists the readers check. */
final class Schemas {
    private Schemas() {
    }

    static ObjectNode contributionRequest() {
        ObjectNode s = object("缴费核定请求: give wage or base. Numbers may be JSON numbers or strings.", "region", "period");
        ObjectNode p = (ObjectNode) s.get("properties");
        p.set("region", string("Region code, e.g. wuhan, yichang (GET /regions)."));
        p.set("period", string("The month the contribution is for, YYYY-MM.").put("pattern", "^\\d{4}-\\d{2}$"));
        p.set("wage", amount("Declared monthly wage (申报缴费工资); clamped to the base floor and ceiling."));
        p.set("base", amount("A base already declared (缴费基数): used as given."));
        p.set("riskClass", Json.object().put("type", "integer").put("minimum", 1).put("maximum", 8)
                .put("description", "Work-injury industry risk class (行业风险类别)."));
        p.set("floatGrade", amount("Work-injury float grade in percent (default 100)."));
        p.set("insurances", codes("Insurances to compute (default: all the region defines).",
                Insurance.values().stream().map(Insurance::code).toList()));
        p.set("allowCarryForward", bool("Carry a missing parameter's last value forward, with a warning."));
        p.set("unitKind", string("Kind of employer (单位类型), needed where a rule depends on it (the 2020 exemptions).")
                .set("enum", strings(Arrays.stream(UnitKind.values()).map(UnitKind::code).toList())));
        p.set("contributor", string("Who contributes (缴费人): an employee (default) or a flexible worker.")
                .set("enum", strings(Arrays.stream(Contributor.values()).map(Contributor::code).toList())));
        p.set("birth", string("Birth month of a flexible worker, YYYY-MM (with sex), for the enrolment-age check."));
        p.set("sex", string("male or female (with birth).").set("enum", strings(List.of("male", "female"))));
        check(s, RequestJson.CONTRIBUTION_FIELDS);
        return s;
    }

    static ObjectNode retirementRequest() {
        ObjectNode s = object("退休查询: give sex and birthMonth, or idNumber.", "contributionMonths");
        ObjectNode p = (ObjectNode) s.get("properties");
        p.set("region", string("The pension-receiving region, default wuhan."));
        p.set("sex", string("male or female.").set("enum", strings(List.of("male", "female"))));
        p.set("birthMonth", string("Birth month, YYYY-MM."));
        p.set("category", string("Original-age category.").set("enum",
                strings(Arrays.stream(Category.values()).map(Category::code).toList())));
        p.set("contributionMonths", Json.object().put("type", "integer").put("minimum", 0)
                .put("description", "Contribution months so far, including deemed months (累计缴费月数)."));
        p.set("firstInsured", string("Month first insured (首次参保), YYYY-MM."));
        ObjectNode sw = Json.object().put("type", "object").put("description", "Years of special work by kind.");
        sw.set("additionalProperties", Json.object().put("type", "integer").put("minimum", 0));
        sw.set("propertyNames", Json.object().set("enum",
                strings(Arrays.stream(SpecialWork.values()).map(SpecialWork::code).toList())));
        p.set("specialWorkYears", sw);
        p.set("incapacityCertified", bool("Complete loss of working capacity certified."));
        p.set("soeIdentity", bool("Regular employee of a state or collective enterprise."));
        p.set("requested", string("A retirement month to check, YYYY-MM."));
        p.set("transferGrounds", codes("Declared grounds for a pension transfer-in.",
                Arrays.stream(TransferGround.values()).map(TransferGround::code).toList()));
        p.set("asOf", string("Date of the question, YYYY-MM-DD (default: today).").put("format", "date"));
        p.set("idNumber", string("18-digit resident ID number."));
        check(s, RequestJson.RETIREMENT_FIELDS);
        return s;
    }

    static ObjectNode certificateRequest() {
        ObjectNode s = object("应缴认定单请求: the unit, its roster and the dates (docs/CERTIFICATE.md).", "unit", "roster",
                "period", "issuedOn");
        ObjectNode p = (ObjectNode) s.get("properties");
        ObjectNode unit = Json.object().put("type", "object").put("description", "The unit file's keys (单位信息).");
        unit.putArray("required").add("code").add("name").add("region").add("unit_kind");
        ObjectNode up = unit.putObject("properties");
        up.set("code", string("单位编号."));
        up.set("name", string("单位名称."));
        up.set("region", string("Region code, e.g. wuhan."));
        up.set("unit_kind", string("Unit kind.").set("enum", strings(List.of("sme", "large", "individual-business",
                "public-institution"))));
        up.set("risk_class", Json.object().put("type", "integer").put("minimum", 1).put("maximum", 8)
                .put("description", "Work-injury industry risk class (行业风险类别)."));
        up.set("float_grade", amount("Work-injury float grade in percent (default 100)."));
        up.set("insurances", codes("Insurances the unit pays (default: the region's).",
                Insurance.values().stream().map(Insurance::code).toList()));
        unit.put("additionalProperties", false);
        p.set("unit", unit);
        ArrayNode one = Json.array();
        one.add(string("The text of a roster CSV file, header first: id, name, wage or base, start, stop, paid_through, …"));
        one.add(Json.object().put("type", "array").put("description", "The rows as objects (a roster JSONL file's lines).")
                .set("items", Json.object().put("type", "object")));
        p.set("roster", Json.object().set("oneOf", one));
        p.set("period", string("费款所属期: the declaration month, YYYY-MM.").put("pattern", "^\\d{4}-\\d{2}$"));
        p.set("issuedOn", string("经办日期, YYYY-MM-DD.").put("format", "date"));
        p.set("payOn", string("Payment date for late fee and interest, YYYY-MM-DD (default: issuedOn).").put("format", "date"));
        p.set("interestRate", amount("Daily interest rate (利息) when interest is due, e.g. 0.0001; Hubei's is not known."));
        p.set("allowCarryForward", bool("Carry a missing parameter's last value forward, with a warning."));
        check(s, RequestJson.CERTIFICATE_FIELDS);
        return s;
    }

    static ObjectNode serviceCheck() {
        ObjectNode s = object("事项审核请求: the facts (`shebao services show CODE` lists them) and the application date.");
        ObjectNode p = (ObjectNode) s.get("properties");
        ObjectNode facts = Json.object().put("type", "object").put("description", "Fact name → value (text, number or true/false).");
        ArrayNode one = Json.array();
        one.add(Json.object().put("type", "string"));
        one.add(Json.object().put("type", "number"));
        one.add(Json.object().put("type", "boolean"));
        facts.set("additionalProperties", Json.object().set("oneOf", one));
        p.set("facts", facts);
        p.set("appliedOn", string("Application date, YYYY-MM-DD (default: today).").put("format", "date"));
        check(s, RequestJson.SERVICE_CHECK_FIELDS);
        return s;
    }

    static ObjectNode whatif(ObjectNode request) {
        ObjectNode s = object("A question and a what-if scenario (docs/SCENARIOS.md).", "request", "scenario");
        ObjectNode p = (ObjectNode) s.get("properties");
        p.set("request", request);
        ArrayNode one = Json.array();
        one.add(Json.object().put("type", "object").put("description", "The scenario file's keys as JSON."));
        one.add(string("The text of a scenario file (YAML)."));
        p.set("scenario", Json.object().set("oneOf", one));
        return s;
    }

    static ObjectNode auditRecord() {
        return Json.object().put("type", "object")
                .put("description", "One audit record: a line of a --audit-out file, as written.");
    }

    static ObjectNode error() {
        ObjectNode s = object("The one-line error: the API's ShebaoException (code, field, value, message).", "code", "message");
        ObjectNode p = (ObjectNode) s.get("properties");
        p.set("code", string("INVALID_INPUT, UNKNOWN_REGION, PARAMETER_UNKNOWN, … or NOT_FOUND, METHOD_NOT_ALLOWED, "
                + "REQUEST_TOO_LARGE, INTERNAL_ERROR"));
        p.set("field", string("The field the error is about."));
        p.set("value", string("The offending value as given."));
        p.set("message", string("One line saying what is allowed."));
        return s;
    }

    private static ObjectNode object(String description, String... required) {
        ObjectNode s = Json.object().put("type", "object").put("description", description);
        s.putObject("properties");
        ArrayNode r = s.putArray("required");
        for (String x : required) {
            r.add(x);
        }
        s.put("additionalProperties", false);
        return s;
    }

    private static ObjectNode string(String d) {
        return Json.object().put("type", "string").put("description", d);
    }

    private static ObjectNode bool(String d) {
        return Json.object().put("type", "boolean").put("description", d);
    }

    private static ObjectNode amount(String d) {
        ArrayNode one = Json.array();
        one.add(Json.object().put("type", "number").put("minimum", 0));
        one.add(Json.object().put("type", "string").put("pattern", "^\\d+(\\.\\d+)?$"));
        ObjectNode o = Json.object().put("description", d);
        o.set("oneOf", one);
        return o;
    }

    private static ObjectNode codes(String d, List<String> allowed) {
        ObjectNode o = Json.object().put("type", "array").put("description", d);
        o.set("items", Json.object().put("type", "string").set("enum", strings(allowed)));
        return o;
    }

    private static ArrayNode strings(List<String> xs) {
        ArrayNode a = Json.array();
        xs.forEach(a::add);
        return a;
    }

    /** The schema documents exactly the fields the reader accepts. */
    private static void check(ObjectNode s, List<String> fields) {
        List<String> documented = new java.util.ArrayList<>();
        s.get("properties").fieldNames().forEachRemaining(documented::add);
        if (!documented.equals(fields)) {
            throw new IllegalStateException("schema fields " + documented + " differ from the reader's " + fields);
        }
    }
}
