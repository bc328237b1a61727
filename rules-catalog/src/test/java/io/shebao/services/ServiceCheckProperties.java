package io.shebao.services;

import io.shebao.ShebaoRules;
import io.shebao.retirement.ConditionStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every check of every item, on any valid facts, gives at least one reason, and the outcome follows the statuses. */
class ServiceCheckProperties {
    static final ShebaoRules RULES = ShebaoRules.load();
    static final List<String> CODES = RULES.services().list(ServiceFilter.ALL).stream().map(ServiceItem::code).toList();

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.of(CODES);
    }

    @Property(tries = 400)
    void everyOutcomeListsAtLeastOneReason(@ForAll("codes") String code, @ForAll long seed) {
        Random rnd = new Random(seed);
        // applications early enough that every deadline stays in 2026, the last year with a calendar
        LocalDate on = LocalDate.of(2026, 1, 5).plusDays(rnd.nextInt(150)); // + up to 90 working days (YLC00001)
        Map<String, String> facts = facts(RULES.services().spec(code), on, rnd);
        ServiceCheck c = RULES.services().check(code, facts, on);
        assertFalse(c.conditions().isEmpty(), code);
        for (ServiceCondition cond : c.conditions()) {
            assertFalse(cond.text().zh().isBlank() || cond.text().en().isBlank(), code + " " + cond.code());
        }
        if (!ServiceChecker.anyOf(c.code())) {
            ServiceOutcome expected = c.conditions().stream().anyMatch(x -> x.status() == ConditionStatus.NOT_MET)
                    ? ServiceOutcome.NOT_ELIGIBLE
                    : c.conditions().stream().anyMatch(x -> x.status() == ConditionStatus.TO_VERIFY)
                    ? ServiceOutcome.TO_VERIFY : ServiceOutcome.ELIGIBLE;
            assertEquals(expected, c.outcome(), code + " " + facts);
        }
        assertFalse(c.materials().isEmpty(), code);
    }

    /** Valid facts for a spec: consistent among themselves (laid off ≤ staff, contributions ≤ age, a woman's category). */
    static Map<String, String> facts(CheckSpec spec, LocalDate on, Random rnd) {
        Map<String, String> f = new LinkedHashMap<>();
        YearMonth birth = YearMonth.of(1945 + rnd.nextInt(65), 1 + rnd.nextInt(12));
        boolean female = rnd.nextBoolean();
        int staff = 1 + rnd.nextInt(1000);
        for (FactSpec s : spec.facts()) {
            if (!s.required() && rnd.nextInt(3) == 0) {
                continue;
            }
            String v = switch (s.name()) {
                case "sex" -> female ? "female" : "male";
                case "category" -> female ? List.of("female-cadre", "female-worker", "female-flexible").get(rnd.nextInt(3)) : "male";
                case "birth" -> birth.toString();
                case "staff" -> String.valueOf(staff);
                case "laid_off" -> String.valueOf(rnd.nextInt(staff + 1));
                case "contribution_months" -> String.valueOf(rnd.nextInt(Math.max(1,
                        (on.getYear() - birth.getYear()) * 12 + on.getMonthValue() - birth.getMonthValue() - 16 * 12)));
                case "first_insured" -> birth.plusYears(18).isAfter(YearMonth.from(on)) ? YearMonth.from(on).toString()
                        : birth.plusYears(18).toString();
                default -> switch (s.type()) {
                    case FLAG -> rnd.nextBoolean() ? "yes" : "no";
                    case COUNT -> String.valueOf(rnd.nextInt(400));
                    case RATE -> "0.0" + (1 + rnd.nextInt(9));
                    case DATE -> on.minusDays(rnd.nextInt(500)).toString();
                    case MONTH -> YearMonth.from(on).plusMonths(rnd.nextInt(5) - 2).toString();
                    case CHOICE -> s.choices().get(rnd.nextInt(s.choices().size()));
                };
            };
            f.put(s.name(), v);
        }
        if (!f.containsKey("category") && female && spec.facts().stream().anyMatch(x -> x.name().equals("category"))) {
            f.put("category", "female-cadre");
        }
        return f;
    }
}
