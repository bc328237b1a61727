package io.shebao.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.shebao.ShebaoException;
import io.shebao.certificate.CertificateRequest;
import io.shebao.certificate.RosterReader;
import io.shebao.certificate.UnitFile;
import io.shebao.population.PopulationReader;
import io.shebao.contribution.ContributionRequest;
import io.shebao.contribution.Contributor;
import io.shebao.contribution.UnitKind;
import io.shebao.contribution.Insurance;
import io.shebao.retirement.Category;
import io.shebao.retirement.RetirementQuery;
import io.shebao.retirement.Sex;
import io.shebao.retirement.SpecialWork;
import io.shebao.retirement.TransferGround;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
            "floatGrade", "insurances", "allowCarryForward", "unitKind", "contributor", "birth", "sex");
    /** The fields of {@link RetirementQuery} (退休查询), as {@link RetirementJson#query} writes them. */
    public static final List<String> RETIREMENT_FIELDS = List.of("region", "sex", "birthMonth", "category",
            "contributionMonths", "firstInsured", "specialWorkYears", "incapacityCertified", "soeIdentity", "requested",
            "transferGrounds", "asOf", "idNumber");
    /** The fields of a certificate question (应缴认定单): the unit, its roster and {@link CertificateRequest}'s dates. */
    public static final List<String> CERTIFICATE_FIELDS = List.of("unit", "roster", "period", "issuedOn", "payOn",
            "interestRate", "allowCarryForward");
    /** The fields of a service check (事项审核): the facts and the application date. */
    public static final List<String> SERVICE_CHECK_FIELDS = List.of("facts", "appliedOn");

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
        String kind = text(o, "unitKind", false, () -> "a unit kind: " + UnitKind.allowedCodes());
        if (kind != null) {
            b.unitKind(UnitKind.fromCode(kind).orElseThrow(() -> ShebaoException.invalid("unitKind", kind,
                    "allowed: " + UnitKind.allowedCodes())));
        }
        String contributor = text(o, "contributor", false, () -> "a contributor: " + Contributor.allowedCodes());
        if (contributor != null) {
            b.contributor(Contributor.fromCode(contributor).orElseThrow(() -> ShebaoException.invalid("contributor",
                    contributor, "allowed: " + Contributor.allowedCodes())));
        }
        if (present(o, "birth") || present(o, "sex")) {
            if (!present(o, "birth") || !present(o, "sex")) {
                throw ShebaoException.invalid(present(o, "birth") ? "sex" : "birth", "",
                        "missing; give both birth (YYYY-MM) and sex (male or female), or neither");
            }
            YearMonth birth = month(o, "birth", true);
            String sex = text(o, "sex", true, () -> "male or female");
            b.person(birth, Sex.fromCode(sex).orElseThrow(() -> ShebaoException.invalid("sex", sex, "allowed: " + Sex.allowedCodes())));
        }
        return b.build();
    }

    /**
     * A certificate question without its roster ({@link #roster} reads that): {@code unit} is the unit file's keys
     * as a JSON object ({@code code}, {@code name}, {@code region}, {@code unit_kind}, …), read by the same strict
     * reader as {@code --unit FILE}; {@code period}, {@code issuedOn} required, {@code payOn}, {@code interestRate},
     * {@code allowCarryForward} optional.
     */
    public static CertificateRequest certificate(JsonNode o) {
        requireObject(o, CERTIFICATE_FIELDS);
        JsonNode u = o.get("unit");
        if (u == null || !u.isObject()) {
            throw ShebaoException.invalid("unit", u == null ? "" : abbreviated(u),
                    "the unit as a JSON object of the unit file's keys: code, name, region, unit_kind, risk_class, …");
        }
        // JSON is YAML: the unit file's reader checks every key, with the object's text as its "file"
        return CertificateRequest.builder(UnitFile.read(new StringReader(Json.write(u, false)), "unit"),
                        month(o, "period", true), date(o, "issuedOn", true))
                .payOn(date(o, "payOn", false))
                .interestRate(present(o, "interestRate") ? decimal(o, "interestRate", "a daily rate ≥ 0, e.g. 0.0001") : null)
                .allowCarryForward(bool(o, "allowCarryForward"))
                .build();
    }

    /**
     * The roster of a certificate question: {@code roster} is the text of a roster CSV (header first) or an array
     * of row objects (a roster JSONL file's lines), streamed as {@code --roster FILE} is.
     */
    public static RosterReader roster(JsonNode o) {
        JsonNode r = o.get("roster");
        String allowed = "the staff roster: the text of a CSV file (id,name,wage or base,start,…) or an array of row objects";
        if (r != null && r.isTextual() && !r.textValue().isBlank()) {
            return RosterReader.of(PopulationReader.open(new ByteArrayInputStream(r.textValue().getBytes(StandardCharsets.UTF_8)),
                    PopulationReader.Format.CSV));
        }
        if (r != null && r.isArray() && !r.isEmpty()) {
            StringBuilder lines = new StringBuilder();
            for (JsonNode row : r) {
                if (!row.isObject()) {
                    throw ShebaoException.invalid("roster", abbreviated(row), allowed);
                }
                lines.append(Json.write(row, false)).append('\n');
            }
            return RosterReader.of(PopulationReader.open(new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)),
                    PopulationReader.Format.JSONL));
        }
        throw ShebaoException.invalid("roster", r == null ? "" : abbreviated(r), allowed);
    }

    /** The facts of a service check: {@code facts} maps each fact's name to its value (text, number or true/false). */
    public static Map<String, String> facts(JsonNode o) {
        requireObject(o, SERVICE_CHECK_FIELDS);
        Map<String, String> m = new LinkedHashMap<>();
        JsonNode f = o.get("facts");
        if (f == null || f.isNull()) {
            return m;
        }
        if (!f.isObject()) {
            throw ShebaoException.invalid("facts", abbreviated(f), "an object of facts, e.g. {\"contribution_months\": 60}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = f.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw ShebaoException.invalid("facts." + e.getKey(), abbreviated(e.getValue()), "a text, a number or true/false");
            }
            m.put(e.getKey(), e.getValue().asText());
        }
        return m;
    }

    /** The application date of a service check; {@code today} when absent, as on the command line. */
    public static LocalDate appliedOn(JsonNode o, LocalDate today) {
        LocalDate d = date(o, "appliedOn", false);
        return d == null ? today : d;
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
            LocalDate d = io.shebao.internal.number.DayText.value(s);
            if (d == null) {
                throw ShebaoException.invalid("asOf", s, "a date " + io.shebao.internal.number.DayText.ALLOWED);
            }
            b.asOf(d);
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
        // as the command line reads a month (MonthText): no sign, four year digits, the years allowed
        return io.shebao.internal.number.MonthText.parse(k, text(o, k, required, () -> "a month YYYY-MM, e.g. 2025-09"),
                "a month YYYY-MM, e.g. 2025-09");
    }

    private static LocalDate date(JsonNode o, String k, boolean required) {
        String s = text(o, k, required, () -> "a date " + io.shebao.internal.number.DayText.ALLOWED);
        if (s == null) {
            return null;
        }
        LocalDate d = io.shebao.internal.number.DayText.value(s);
        if (d == null) {
            throw ShebaoException.invalid(k, s, "a date " + io.shebao.internal.number.DayText.ALLOWED);
        }
        return d;
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
