package io.shebao.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.shebao.ShebaoException;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.Insurance;
import io.shebao.retirement.Category;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.Sex;
import io.shebao.retirement.SpecialWork;
import io.shebao.retirement.TransferGround;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a question (请求) written as a JSON object of the API's field names — the body of {@code shebao serve}'s
 * {@code POST /contribution} and {@code POST /retirement}, and the {@code input} of a {@code shebao test} case.
 * Numbers may be JSON numbers or strings ({@code 3450.50} keeps its digits); lists may be arrays or
 * comma-separated strings. Every bad field is a {@link ShebaoException} (INVALID_INPUT) naming the field,
 * the value and what is allowed; an unknown field is an error, never ignored.
 */
public final class RequestJson {
    /** The fields of {@link ContributionRequest} (缴费核定请求), as {@link ContributionJson#request} writes them. */
    public static final List<String> CONTRIBUTION_FIELDS = List.of("region", "period", "wage", "base", "riskClass",
            "floatGrade", "insurances", "allowCarryForward");
    /** The fields of {@link RetirementQuery} (退休查询), as {@link RetirementJson#query} writes them. */
    public static final List<String> RETIREMENT_FIELDS = List.of("region", "sex", "birthMonth", "category",
            "contributionMonths", "firstInsured", "specialWorkYears", "incapacityCertified", "soeIdentity", "requested",
            "transferGrounds", "asOf", "idNumber");

    private RequestJson() {
    }

    public static ContributionRequest contribution(JsonNode o) {
        requireObject(o, CONTRIBUTION_FIELDS);
        String region = text(o, "region", true, () -> "a region code, e.g. wuhan or yichang");
        YearMonth period = month(o, "period", true);
        boolean hasWage = present(o, "wage");
        if (hasWage == present(o, "base")) {
            throw ShebaoException.invalid(hasWage ? "base" : "wage", hasWage ? o.get("base").asText() : "",
                    "give exactly one of wage (declared monthly wage) and base (a base already declared)");
        }
        ContributionRequest.Builder b = ContributionRequest.builder(region, period);
        if (hasWage) {
            b.wage(amount(o, "wage"));
        } else {
            b.base(amount(o, "base"));
        }
        if (present(o, "riskClass")) {
            int c = whole(o, "riskClass", "a risk class 1 to 8 (一类…八类)");
            if (c < 1 || c > 8) {
                throw ShebaoException.invalid("riskClass", c, "a risk class 1 to 8 (一类…八类)");
            }
            b.riskClass(c);
        }
        if (present(o, "floatGrade")) {
            BigDecimal g = decimal(o, "floatGrade", "a percentage > 0, e.g. 100 or 120");
            if (g.signum() <= 0) {
                throw ShebaoException.invalid("floatGrade", g.toPlainString(), "a percentage > 0, e.g. 100 or 120");
            }
            b.floatGrade(g);
        }
        List<Insurance> ins = new ArrayList<>();
        for (String code : list(o, "insurances")) {
            ins.add(Insurance.fromCode(code).orElseThrow(() ->
                    ShebaoException.invalid("insurances", code, "allowed: " + Insurance.allowedCodes())));
        }
        b.insurances(ins);
        b.allowCarryForward(bool(o, "allowCarryForward"));
        return b.build();
    }

    /** A retirement question; {@code asOf} defaults to {@code today}, as on the command line. */
    public static RetirementQuery retirement(JsonNode o, LocalDate today) {
        requireObject(o, RETIREMENT_FIELDS);
        RetirementQuery.Builder b = RetirementQuery.builder();
        if (present(o, "region")) {
            b.region(text(o, "region", true, () -> "a region code, e.g. wuhan"));
        }
        if (present(o, "sex")) {
            String s = text(o, "sex", true, Sex::allowedCodes);
            b.sex(Sex.fromCode(s).orElseThrow(() -> ShebaoException.invalid("sex", s, "allowed: " + Sex.allowedCodes())));
        }
        if (present(o, "birthMonth")) {
            b.birthMonth(month(o, "birthMonth", true));
        }
        if (present(o, "idNumber")) {
            b.idNumber(text(o, "idNumber", true, () -> "an 18-digit resident ID number"));
        }
        if (!present(o, "sex") && !present(o, "idNumber")) {
            throw ShebaoException.invalid("sex", "", "missing; give sex (male|female) or idNumber");
        }
        if (!present(o, "birthMonth") && !present(o, "idNumber")) {
            throw ShebaoException.invalid("birthMonth", "", "missing; give birthMonth YYYY-MM or idNumber");
        }
        if (present(o, "category")) {
            String c = text(o, "category", true, Category::allowedCodes);
            b.category(Category.fromCode(c).orElseThrow(() ->
                    ShebaoException.invalid("category", c, "allowed: " + Category.allowedCodes())));
        }
        if (!present(o, "contributionMonths")) {
            throw ShebaoException.invalid("contributionMonths", "", "missing; a whole number of months ≥ 0, e.g. 180");
        }
        int months = whole(o, "contributionMonths", "a whole number of months ≥ 0, e.g. 180");
        if (months < 0) {
            throw ShebaoException.invalid("contributionMonths", months, "a whole number of months ≥ 0, e.g. 180");
        }
        b.contributionMonths(months);
        if (present(o, "firstInsured")) {
            b.firstInsured(month(o, "firstInsured", true));
        }
        if (present(o, "requested")) {
            b.requested(month(o, "requested", true));
        }
        if (present(o, "specialWorkYears")) {
            JsonNode sw = o.get("specialWorkYears");
            if (!sw.isObject()) {
                throw ShebaoException.invalid("specialWorkYears", sw.toString(),
                        "an object of kind to years, e.g. {\"heights\": 11}; kinds: " + SpecialWork.allowedCodes());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = sw.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                SpecialWork k = SpecialWork.fromCode(e.getKey()).orElseThrow(() -> ShebaoException.invalid(
                        "specialWorkYears", e.getKey(), "kinds: " + SpecialWork.allowedCodes()));
                int years = whole(sw, e.getKey(), "a whole number of years ≥ 0");
                if (years < 0) {
                    throw ShebaoException.invalid("specialWorkYears." + e.getKey(), years, "a whole number of years ≥ 0");
                }
                b.specialWork(k, years);
            }
        }
        b.incapacityCertified(bool(o, "incapacityCertified")).soeIdentity(bool(o, "soeIdentity"));
        List<TransferGround> gs = new ArrayList<>();
        for (String g : list(o, "transferGrounds")) {
            gs.add(TransferGround.fromCode(g).orElseThrow(() ->
                    ShebaoException.invalid("transferGrounds", g, "allowed: " + TransferGround.allowedCodes())));
        }
        b.transferGrounds(gs);
        if (present(o, "asOf")) {
            String s = text(o, "asOf", true, () -> "a date YYYY-MM-DD");
            try {
                b.asOf(LocalDate.parse(s));
            } catch (DateTimeException e) {
                throw ShebaoException.invalid("asOf", s, "a date YYYY-MM-DD, e.g. 2026-11-01");
            }
        } else {
            b.asOf(today);
        }
        return b.build();
    }

    private static void requireObject(JsonNode o, List<String> allowed) {
        if (o == null || !o.isObject()) {
            throw ShebaoException.invalid("request", o == null ? "" : abbreviated(o),
                    "a JSON object with the fields " + String.join(", ", allowed));
        }
        Set<String> known = Set.copyOf(allowed);
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw ShebaoException.invalid(k, abbreviated(o.get(k)), "unknown field; allowed: " + String.join(", ", allowed));
            }
        }
    }

    private static String abbreviated(JsonNode n) {
        String s = n.isValueNode() ? n.asText() : n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

    /** Present and not null. */
    private static boolean present(JsonNode o, String k) {
        JsonNode v = o.get(k);
        return v != null && !v.isNull();
    }

    private static String text(JsonNode o, String k, boolean required, Supplier<String> allowed) {
        JsonNode v = o.get(k);
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank())) {
            if (required) {
                throw ShebaoException.invalid(k, "", "missing; " + allowed.get());
            }
            return null;
        }
        if (!v.isTextual()) {
            throw ShebaoException.invalid(k, abbreviated(v), "a string: " + allowed.get());
        }
        return v.textValue().strip();
    }

    private static YearMonth month(JsonNode o, String k, boolean required) {
        String s = text(o, k, required, () -> "a month YYYY-MM, e.g. 2025-09");
        try {
            return YearMonth.parse(s);
        } catch (DateTimeException e) {
            throw ShebaoException.invalid(k, s, "a month YYYY-MM, e.g. 2025-09");
        }
    }

    private static BigDecimal decimal(JsonNode o, String k, String allowed) {
        JsonNode v = o.get(k);
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.textValue().strip());
            } catch (NumberFormatException e) {
                // the message below says what is allowed
            }
        }
        throw ShebaoException.invalid(k, abbreviated(v), allowed);
    }

    private static BigDecimal amount(JsonNode o, String k) {
        String allowed = "an amount in yuan ≥ 0, e.g. 3450 or \"3450.50\"";
        BigDecimal d = decimal(o, k, allowed);
        if (d.signum() < 0) {
            throw ShebaoException.invalid(k, d.toPlainString(), allowed);
        }
        return d;
    }

    private static int whole(JsonNode o, String k, String allowed) {
        JsonNode v = o.get(k);
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isTextual()) {
            try {
                return Integer.parseInt(v.textValue().strip());
            } catch (NumberFormatException e) {
                // the message below says what is allowed
            }
        }
        throw ShebaoException.invalid(k, abbreviated(v), allowed);
    }

    private static boolean bool(JsonNode o, String k) {
        JsonNode v = o.get(k);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) {
            return Boolean.parseBoolean(v.textValue());
        }
        throw ShebaoException.invalid(k, abbreviated(v), "true or false");
    }

    /** An array of strings, or one comma-separated string; empty when absent. */
    private static List<String> list(JsonNode o, String k) {
        JsonNode v = o.get(k);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            for (String s : v.textValue().split("[,;\\s]+")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
            return out;
        }
        if (v.isArray()) {
            for (JsonNode x : v) {
                if (!x.isTextual()) {
                    throw ShebaoException.invalid(k, abbreviated(x), "a list of codes (strings)");
                }
                out.add(x.textValue().strip());
            }
            return out;
        }
        throw ShebaoException.invalid(k, abbreviated(v), "a list of codes, e.g. [\"pension\", \"unemployment\"]");
    }
}
