package io.shebao.batch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 规则不看所属期: what lets {@link ContributionPlanner} share a plan between months whose rule inputs are the same
 * ({@code RuleInputs}). In the contribution rules, outside the rules for flexible workers (who never share),
 * <ul>
 *   <li>no condition tests the period (or the age counted to it): the period may only be bound to a variable,
 *       so the same facts but the period fire the same rules on the same matches;</li>
 *   <li>a consequence writes the period only into a failure (never shared), a note (a plan keeps none) or a
 *       caution, whose warning code is not one the planner takes for free of the period.</li>
 * </ul>
 * A rule added later that breaks this fails here, before a plan could be shared wrongly.
 */
class PeriodBlindRulesTest {
    private static final Path RULES = Path.of("src/main/resources/io/shebao/rules/contribution");
    private static final Path EVALUATOR = Path.of("../rules-core/src/main/java/io/shebao/contribution/ContributionEvaluator.java");
    /** What reads the period in a DRL text: the field, its getter, and what is counted to it. */
    private static final Pattern PERIOD = Pattern.compile("\\b(period|getPeriod|ageMonths|getAgeMonths)\\b");
    private static final Pattern BINDING = Pattern.compile("(\\$\\w+)\\s*:\\s*period\\s*(?=[,)])");
    private static final Pattern RULE = Pattern.compile("(?ms)^rule\\s+\"([^\"]*)\"(.*?)^end\\b");
    private static final Pattern ID = Pattern.compile("@id\\(\"([^\"]+)\"\\)");
    private static final List<String> TEXT_ONLY = List.of("insert(new Failure(", "insert(Failure.unknown(",
            "insert(new Note(", "insert(new Caution(");

    @Test
    void noContributionRuleTestsThePeriodOrPutsItInALineOrAWarningTakenForFree() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> binding = new TreeSet<>();
        Set<String> cautions = new TreeSet<>();
        Set<String> notes = new TreeSet<>();
        int rules = 0;
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                for (Rule r : rules(Files.readString(f, StandardCharsets.UTF_8))) {
                    rules++;
                    problems.addAll(problems(r, binding, cautions, notes));
                }
            }
        }
        assertTrue(rules > 30, "read only " + rules + " rules from " + RULES);
        assertEquals(List.of(), problems);
        // the scan is not vacuous: it sees the rules that do read the period, and where they write it
        assertTrue(binding.contains("C-EXM-03"), binding.toString());
        assertTrue(cautions.contains("LARGE_MEDICAL_UNKNOWN"), cautions.toString());
        for (String code : cautions) {
            assertFalse(ContributionPlanner.Cases.PERIOD_FREE_WARNINGS.contains(code),
                    code + " names the period but the planner shares its cases across months");
        }
        for (String code : notes) {
            assertFalse(ContributionPlanner.PERIOD_FREE_NOTES.contains(code),
                    code + " names the period but the planner shares its notes across months");
            assertFalse(ContributionPlanner.PERIOD_STAMPED_NOTES.contains(code),
                    code + " names the period in a rule: only the evaluator's notes are re-stamped");
        }
    }

    /**
     * The evaluator's own messages (written in Java after the rules ran): those whose text reads the period
     * (the insurance not yet known for the month, a value carried forward) are not taken for free of it.
     */
    @Test
    void theEvaluatorsMessagesThatNameThePeriodAreKeptToTheirMonth() throws IOException {
        String java = Files.readString(EVALUATOR, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("new Message\\(\\s*\"([A-Z_]+)\"").matcher(java);
        Set<String> naming = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        java.util.Map<String, Integer> periods = new java.util.TreeMap<>();
        while (m.find()) {
            int depth = 0;
            int end = m.start();
            do { // to the parenthesis that closes the constructor call
                char c = java.charAt(end++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            } while (depth > 0 || java.charAt(end - 1) != ')');
            all.add(m.group(1));
            Matcher p = PERIOD.matcher(java.substring(m.start(), end));
            while (p.find()) {
                naming.add(m.group(1));
                periods.merge(m.group(1), 1, Integer::sum);
            }
        }
        // not vacuous: the scan sees the messages, and the two that name the month
        assertTrue(all.containsAll(Set.of("SECONDARY_SOURCE", "SCENARIO_VALUE")), all.toString());
        assertEquals(Set.of("CARRIED_FORWARD", "INSURANCE_NOT_YET_KNOWN"), naming);
        for (String code : naming) {
            assertFalse(ContributionPlanner.PERIOD_FREE_NOTES.contains(code), code);
            assertFalse(ContributionPlanner.Cases.PERIOD_FREE_WARNINGS.contains(code), code);
        }
        // a note re-stamped with another month states the month once in Chinese and once in English
        for (String code : ContributionPlanner.PERIOD_STAMPED_NOTES) {
            assertEquals(2, periods.getOrDefault(code, 0), code + " states the period " + periods.get(code) + " times");
        }
    }

    @Test
    void theScanFindsAPeriodInAConditionOrALine() {
        String drl = """
                rule "a line for February"
                    @id("X-1")
                when
                    ContributionInput(!flexible, period.getMonthValue() == 2)
                then
                    insert(new Note("N", "a", "b"));
                end

                rule "a line that states the period"
                    @id("X-2")
                when
                    $in : ContributionInput(!flexible, $p : period)
                then
                    insert(new ContributionLine($in.getPeriod().getYear()));
                end

                rule "a note that states the period"
                    @id("X-4")
                when
                    $in : ContributionInput(!flexible, $p : period)
                then
                    insert(new Note("PLANTED", "所属期 " + $p, "period " + $p));
                end

                rule "a flexible worker's age"
                    @id("X-3")
                when
                    $in : ContributionInput(flexible, ageMonths > 600)
                then
                    insert(new Failure($in.getPeriod()));
                end
                """;
        List<String> problems = new ArrayList<>();
        Set<String> notes = new TreeSet<>();
        for (Rule r : rules(drl)) {
            problems.addAll(problems(r, new TreeSet<>(), new TreeSet<>(), notes));
        }
        assertEquals(Set.of("PLANTED"), notes, "a note that states the period is seen, one that does not is not");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("X-1"), problems.toString());
        assertTrue(problems.get(1).startsWith("X-2"), problems.toString());
    }

    private record Rule(String id, String when, String then) {
    }

    private static List<Rule> rules(String drl) {
        String text = drl.replaceAll("(?m)//.*$", "");
        List<Rule> out = new ArrayList<>();
        Matcher m = RULE.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            Matcher id = ID.matcher(body);
            int when = body.indexOf("\nwhen");
            int then = body.indexOf("\nthen");
            out.add(new Rule(id.find() ? id.group(1) : m.group(1), body.substring(when + 5, then), body.substring(then + 5)));
        }
        return out;
    }

    private static List<String> problems(Rule r, Set<String> binding, Set<String> cautions, Set<String> notes) {
        List<String> out = new ArrayList<>();
        if (Pattern.compile("ContributionInput\\(\\s*flexible\\b").matcher(r.when()).find()) {
            return out; // a flexible worker's request gives no rule inputs: never shared across months
        }
        Set<String> vars = new TreeSet<>();
        Matcher b = BINDING.matcher(r.when());
        while (b.find()) {
            vars.add(b.group(1));
        }
        if (!vars.isEmpty()) {
            binding.add(r.id());
        }
        String when = BINDING.matcher(r.when()).replaceAll("");
        if (PERIOD.matcher(when).find()) {
            out.add(r.id() + ": a condition reads the period: " + when.strip().replaceAll("\\s+", " "));
        }
        for (String statement : statements(r.then())) {
            boolean reads = PERIOD.matcher(statement).find() || statement.contains("Failure.unknown(")
                    || vars.stream().anyMatch(v -> Pattern.compile(Pattern.quote(v) + "\\b").matcher(statement).find());
            if (!reads) {
                continue;
            }
            if (TEXT_ONLY.stream().noneMatch(statement::startsWith)) {
                out.add(r.id() + ": the period reaches more than a text: " + statement);
            } else if (statement.startsWith("insert(new Caution(")) {
                Matcher code = Pattern.compile("^insert\\(new Caution\\(\"([A-Z_]+)\"").matcher(statement);
                cautions.add(code.find() ? code.group(1) : statement);
            } else if (statement.startsWith("insert(new Note(")) {
                Matcher code = Pattern.compile("^insert\\(new Note\\(\"([A-Z_]+)\"").matcher(statement);
                notes.add(code.find() ? code.group(1) : statement);
            }
        }
        return out;
    }

    /** The consequence's statements, split at semicolons outside parentheses and strings, without spaces. */
    private static List<String> statements(String then) {
        List<String> out = new ArrayList<>();
        StringBuilder s = new StringBuilder();
        int depth = 0;
        boolean string = false;
        for (int i = 0; i < then.length(); i++) {
            char c = then.charAt(i);
            if (c == '"' && (i == 0 || then.charAt(i - 1) != '\\')) {
                string = !string;
            } else if (!string && c == '(') {
                depth++;
            } else if (!string && c == ')') {
                depth--;
            }
            if (!string && depth == 0 && c == ';') {
                out.add(s.toString().strip());
                s.setLength(0);
            } else if (string || !Character.isWhitespace(c) || (s.length() > 0 && !Character.isWhitespace(s.charAt(s.length() - 1)))) {
                s.append(string || !Character.isWhitespace(c) ? c : ' ');
            }
        }
        if (!s.toString().isBlank()) {
            out.add(s.toString().strip());
        }
        return out;
    }
}
