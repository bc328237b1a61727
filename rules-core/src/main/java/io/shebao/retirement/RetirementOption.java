package io.shebao.retirement;

import io.shebao.trace.Message;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * One path open (or not) to a person short of the minimum years.
 *
 * @param month   extend: the month the minimum is reached by extending; lump sum: the month from which
 *                the lump sum may be paid
 * @param months  extend: months of extension; lump sum: months paid in one sum; one-off payment: 0
 * @param reasons why it is (not) available, in Chinese and English
 * @param rules   ids of the rules that decided it
 */
public record RetirementOption(OptionKind kind, boolean available, Optional<YearMonth> month, int months,
                               List<Message> reasons, List<String> rules) {
    public RetirementOption {
        reasons = List.copyOf(reasons);
        rules = List.copyOf(rules);
    }
}
