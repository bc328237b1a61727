package io.shebao.retirement;

import io.shebao.trace.Message;
import io.shebao.trace.Trace;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a {@link RetirementQuery}. Each element carries the ids of the rules that decided it; the
 * {@link #trace()} has every rule with its legal basis and every parameter value used.
 *
 * @param originalAge                    原法定退休年龄 (before the 2025 reform)
 * @param originalMonth                  the month the original age is reached
 * @param statutoryAge                   法定退休年龄 after the reform (equal to the original when it does not apply)
 * @param retirementMonth                the month the statutory age is reached
 * @param delayMonths                    months added by the reform
 * @param ageRules                       rules that decided the ages
 * @param minimumContributionMonths      最低缴费年限 in months for the year of the statutory month
 * @param contributionMonthsAtRetirement months counted at the statutory month (projected, see notes)
 * @param shortfallMonths                months missing at the statutory month (0 when met)
 * @param contributionRules              rules that decided the minimum and whether it is met
 * @param options                        the paths open when short of the minimum (each says why (not))
 * @param flexibleWindow                 present when the reform applies
 * @param requested                      the verdict on the requested month, when one was asked
 * @param reasons                        the main answer in words, Chinese and English
 * @param notes                          assumptions and remarks
 * @param warnings                       what the caller must see (a rule set not in force at the as-of date)
 */
public record RetirementResult(RetirementQuery query, AgeYm originalAge, YearMonth originalMonth,
                               AgeYm statutoryAge, YearMonth retirementMonth, boolean reformApplied,
                               int delayMonths, List<String> ageRules, int minimumContributionMonths,
                               int contributionMonthsAtRetirement, boolean contributionMet, int shortfallMonths,
                               List<String> contributionRules, List<RetirementOption> options,
                               Optional<FlexibleWindow> flexibleWindow, Optional<RequestDecision> requested,
                               List<EarlyRetirement> earlyRetirement, TransferIn transferIn,
                               List<Message> reasons, List<Message> notes, List<Message> warnings, Trace trace) {
    public RetirementResult {
        ageRules = List.copyOf(ageRules);
        contributionRules = List.copyOf(contributionRules);
        options = List.copyOf(options);
        earlyRetirement = List.copyOf(earlyRetirement);
        reasons = List.copyOf(reasons);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
    }

    public Optional<RetirementOption> option(OptionKind kind) {
        return options.stream().filter(o -> o.kind() == kind).findFirst();
    }

    public Optional<EarlyRetirement> early(EarlyKind kind) {
        return earlyRetirement.stream().filter(e -> e.kind() == kind).findFirst();
    }
}
