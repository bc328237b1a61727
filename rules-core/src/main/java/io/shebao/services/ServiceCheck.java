package io.shebao.services;

import io.shebao.trace.Message;
import io.shebao.trace.Trace;

import com.google.common.collect.ImmutableSortedMap;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The answer to "may this person or unit do this item, what is missing, what must they bring, by when?".
 *
 * @param facts             the facts as given (text), for the record and replay
 * @param outcome           ELIGIBLE / NOT_ELIGIBLE / TO_VERIFY
 * @param conditions        every condition with its status and words (never empty)
 * @param materials         申报材料 to bring, as the guide lists them
 * @param statutoryDeadline 法定时限 counted from the application date
 * @param promisedDeadline  承诺时限 counted from the application date
 * @param benefitMonths     失业保险金领取期限 for the unemployment-benefit items
 * @param notes             assumptions and remarks (secondary sources, month-granular ages…)
 * @param trace             the rules fired with their legal basis, and the parameters used
 */
public record ServiceCheck(String code, String name, CheckEngine engine, LocalDate appliedOn, Map<String, String> facts,
                           ServiceOutcome outcome, List<ServiceCondition> conditions, List<String> materials,
                           Deadline statutoryDeadline, Deadline promisedDeadline, Optional<Integer> benefitMonths,
                           List<Message> notes, Trace trace) {
    public ServiceCheck {
        facts = ImmutableSortedMap.copyOf(facts); // by name, as shown
        conditions = List.copyOf(conditions);
        materials = List.copyOf(materials);
        notes = List.copyOf(notes);
        checkArgument(!conditions.isEmpty(), "a check lists at least one condition: %s", code);
    }
}
