package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.shebao.contribution.BaseAdjustment;
import io.shebao.contribution.ContributionLine;
import io.shebao.contribution.ContributionResult;
import io.shebao.internal.json.Json;
import io.shebao.trace.Message;

import java.util.List;
import java.util.Map;

/**
 * 行案: what every contribution row of one case has in common — how its base was set, each line's insurance and
 * rates, its notes and warnings with the row's amount as a marked place, and its trace as indexes into the
 * header's tables. A version-3 trail states a case once, as an entry of a "messages" line keyed by its reference,
 * and each row cites it and carries only its request, bases, amounts and totals (docs/AUDIT.md, "Version 3").
 * Writer side: built from one row's result, then matched against the results of later rows. Immutable.
 */
final class RowCase {
    /** Cases kept per trace object at most (a trace's rows normally share one case; a few differ by their notes). */
    static final int MAX_PER_TRACE = 8;

    /** The reference: the first 32 hex digits of the SHA-256 of {@link #json} written compact. */
    final String ref;
    /** {@link #ref} as a quoted JSON string's bytes, as a row writes it. */
    final byte[] quotedRef;
    /** {@code ref → json}: what a row citing this case asks the trail writer to define (read-only, shared). */
    final Map<String, JsonNode> cites;
    final ObjectNode json;
    private final BaseAdjustment adjustment;
    private final List<ContributionLine> lines;
    private final Text[] notes;
    private final Text[] warnings;

    private RowCase(ObjectNode json, Map<String, JsonNode> messages, BaseAdjustment adjustment,
                    List<ContributionLine> lines, Text[] notes, Text[] warnings) {
        this.json = json;
        this.ref = AuditHeader.messageReference(json);
        this.quotedRef = JsonBytes.quoted(ref);
        // immutable and in order: the trail writer knows a case's map, once defined, by its identity
        this.cites = com.google.common.collect.ImmutableMap.<String, JsonNode>builder().putAll(messages).put(ref, json)
                .buildKeepingLast();
        this.adjustment = adjustment;
        this.lines = lines;
        this.notes = notes;
        this.warnings = warnings;
    }

    /**
     * The case of this result: {@code amount} is the row's amount as its request states it (wage, else base);
     * its first occurrence in a note's or warning's text becomes the marked place.
     *
     * @param names the header's {@code insuranceNames} (a line's Chinese name is stated only when it differs)
     * @param trace the result's trace as indexes into the header's tables
     */
    static RowCase of(Shape shape, JsonNode names, ObjectNode trace, MessageCitations citations) {
        ObjectNode j = Json.object();
        j.put("baseAdjustment", shape.adjustment.name());
        ArrayNode ls = j.putArray("lines");
        for (ContributionLine l : shape.lines) {
            ObjectNode x = ls.addObject();
            x.put("insurance", l.insurance().code());
            JsonNode stated = names.path(l.insurance().code());
            if (!stated.isTextual() || !stated.textValue().equals(l.insurance().nameZh())) {
                x.put("nameZh", l.insurance().nameZh());
            }
            x.put("employerRate", l.employerRate().toPlainString()).put("employeeRate", l.employeeRate().toPlainString());
        }
        Map<String, JsonNode> messages = new java.util.LinkedHashMap<>();
        cite(shape.notes, j.putArray("notes"), messages, citations);
        cite(shape.warnings, j.putArray("warnings"), messages, citations);
        j.set("trace", trace);
        return new RowCase(j, messages, shape.adjustment, shape.lines, shape.notes, shape.warnings);
    }

    /**
     * What a case is made of, compared by content (the trace by its indexes' JSON): rows the rules evaluated have
     * traces and notes of their own, whose case is most often one already made from another row.
     */
    static final class Shape {
        // what a case keeps of the result it is made from (not the result: its trace and request need not be kept)
        private final BaseAdjustment adjustment;
        private final List<ContributionLine> lines;
        private final Text[] notes;
        private final Text[] warnings;
        private final List<Object> key;

        /**
         * @param notesAmount    the amount whose first occurrence in a note is the row's amount's place
         * @param warningsAmount the same in a warning ("": warnings state no amount)
         */
        Shape(ContributionResult res, String notesAmount, String warningsAmount, byte[] traceJson) {
            this.adjustment = res.baseAdjustment();
            this.lines = List.copyOf(res.lines());
            this.notes = texts(res.notes(), notesAmount);
            this.warnings = texts(res.warnings(), warningsAmount);
            List<Object> k = new java.util.ArrayList<>();
            k.add(res.baseAdjustment());
            for (ContributionLine l : res.lines()) {
                k.add(l.insurance());
                k.add(l.employerRate().toPlainString());
                k.add(l.employeeRate().toPlainString());
            }
            k.add(notes.length);
            for (Text t : notes) {
                k.add(t.key());
            }
            for (Text t : warnings) {
                k.add(t.key());
            }
            k.add(new String(traceJson, java.nio.charset.StandardCharsets.UTF_8));
            this.key = k;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Shape s && s.key.equals(key);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }

    private static Text[] texts(List<Message> ms, String amount) {
        Text[] t = new Text[ms.size()];
        for (int i = 0; i < t.length; i++) {
            Message m = ms.get(i);
            t[i] = new Text(m, Part.of(m.zh(), amount), Part.of(m.en(), amount));
        }
        return t;
    }

    /**
     * The case's notes or warnings: a message that does not state the amount by its reference (defined beside the
     * case: the same source notes recur in many cases), one that does as {@code code} and the texts' parts.
     */
    private static void cite(Text[] t, ArrayNode into, Map<String, JsonNode> messages, MessageCitations citations) {
        for (Text x : t) {
            if (x.zh.after == null && x.en.after == null) {
                MessageCitations.Cited c = citations.of(x.from);
                messages.putIfAbsent(c.ref(), c.json());
                into.add(c.ref());
            } else {
                ObjectNode o = into.addObject().put("code", x.from.code());
                o.set("zh", x.zh.json());
                o.set("en", x.en.json());
            }
        }
    }

    /**
     * True when this case is the case of {@code res} with this amount: expanding a row of {@code res} citing it gives
     * exactly {@code res}'s base adjustment, insurances, rates, notes and warnings. The trace is not compared: cases
     * are looked up by their trace object.
     */
    boolean matches(ContributionResult res, String amount) {
        if (res.baseAdjustment() != adjustment) {
            return false;
        }
        List<ContributionLine> ls = res.lines();
        if (ls.size() != lines.size()) {
            return false;
        }
        for (int i = 0; i < ls.size(); i++) {
            ContributionLine l = ls.get(i);
            ContributionLine c = lines.get(i);
            // equals, not compareTo: the scale is written (0.16 and 0.160 are two texts)
            if (l.insurance() != c.insurance() || !l.employerRate().equals(c.employerRate())
                    || !l.employeeRate().equals(c.employeeRate())) {
                return false;
            }
        }
        return matches(notes, res.notes(), amount) && matches(warnings, res.warnings(), amount);
    }

    private static boolean matches(Text[] ts, List<Message> ms, String amount) {
        if (ts.length != ms.size()) {
            return false;
        }
        for (int i = 0; i < ts.length; i++) {
            if (!ts[i].matches(ms.get(i), amount)) {
                return false;
            }
        }
        return true;
    }

    /** A note or warning of the case, and the message it was made from (planned rows share their plan's). */
    private static final class Text {
        final Message from;
        final Part zh;
        final Part en;
        /**
         * The message last found equal to this text when it states no amount (a hint, raced benignly: any message
         * kept here is equal to it): planned rows share their plan's message objects, compared by identity.
         */
        private Message seen;

        Text(Message from, Part zh, Part en) {
            this.from = from;
            this.zh = zh;
            this.en = en;
            this.seen = from;
        }

        List<Object> key() {
            return List.of(from.code(), zh, en);
        }

        boolean matches(Message m, String amount) {
            boolean literal = zh.after == null && en.after == null;
            if (literal && m == seen) {
                return true;
            }
            boolean same = m.code().equals(from.code()) && zh.matches(m.zh(), amount) && en.matches(m.en(), amount);
            if (same && literal) {
                seen = m;
            }
            return same;
        }
    }

    /** A text: {@code before} alone, or {@code before + amount + after} when {@code after} is not null. */
    private record Part(String before, String after) {
        // after may be null: records' equals and hashCode allow it
        static Part of(String text, String amount) {
            int i = amount.isEmpty() ? -1 : text.indexOf(amount);
            return i < 0 ? new Part(text, null) : new Part(text.substring(0, i), text.substring(i + amount.length()));
        }

        JsonNode json() {
            if (after == null) {
                return TextNode.valueOf(before);
            }
            ArrayNode a = Json.array();
            a.add(before).add(after);
            return a;
        }

        boolean matches(String text, String amount) {
            if (after == null) {
                return text.equals(before);
            }
            return text.length() == before.length() + amount.length() + after.length() && text.startsWith(before)
                    && text.startsWith(amount, before.length()) && text.endsWith(after);
        }
    }

    /**
     * 案例组: the cases met with one trace object, by the month of the row, in the order met. A plan's trace serves
     * the months it is shared across, whose notes may name their month (an insurance not yet known): looked up by
     * month, a row compares with its month's few cases only. Shared by the writer's threads: a case is added under
     * the lock, read without it (a month's array is replaced, never changed).
     */
    static final class OfTrace {
        private final java.util.concurrent.ConcurrentHashMap<java.time.YearMonth, RowCase[]> byMonth =
                new java.util.concurrent.ConcurrentHashMap<>(4);

        RowCase find(ContributionResult res, String amount) {
            RowCase[] cases = byMonth.get(res.request().period());
            if (cases != null) {
                for (RowCase c : cases) {
                    if (c.matches(res, amount)) {
                        return c;
                    }
                }
            }
            return null;
        }

        synchronized void add(java.time.YearMonth month, RowCase c) {
            RowCase[] now = byMonth.getOrDefault(month, new RowCase[0]);
            if (now.length < MAX_PER_TRACE && byMonth.size() < MAX_MONTHS) {
                RowCase[] more = java.util.Arrays.copyOf(now, now.length + 1);
                more[now.length] = c;
                byMonth.put(month, more);
            }
        }
    }

    /** Months kept per trace object at most (a plan is shared across the months whose parameters are the same). */
    static final int MAX_MONTHS = 240;

    /**
     * True when a "messages" entry has a case's shape: an object with {@code baseAdjustment}, {@code lines} (objects
     * with {@code insurance}, {@code employerRate}, {@code employeeRate} and optionally {@code nameZh}), {@code notes}
     * and {@code warnings} (each a message's reference, or a code and texts that are a string or a pair of strings)
     * and {@code trace} (an object).
     */
    static boolean isCase(JsonNode n) {
        if (!n.isObject() || !n.path("baseAdjustment").isTextual() || !n.path("lines").isArray()
                || !n.path("notes").isArray() || !n.path("warnings").isArray() || !n.path("trace").isObject()
                || n.size() != 5) {
            return false;
        }
        for (JsonNode l : n.get("lines")) {
            if (!l.isObject() || !l.path("insurance").isTextual() || !l.path("employerRate").isTextual()
                    || !l.path("employeeRate").isTextual() || l.size() != (l.has("nameZh") ? 4 : 3)
                    || l.has("nameZh") && !l.get("nameZh").isTextual()) {
                return false;
            }
        }
        for (String list : List.of("notes", "warnings")) {
            for (JsonNode m : n.get(list)) {
                if (m.isTextual()) {
                    continue; // a message's reference
                }
                if (!m.isObject() || m.size() != 3 || !m.path("code").isTextual() || !isText(m.path("zh"))
                        || !isText(m.path("en"))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isText(JsonNode t) {
        return t.isTextual() || t.isArray() && t.size() == 2 && t.get(0).isTextual() && t.get(1).isTextual();
    }

    /** A case's text as the row states it: the string, or the pair with the row's amount between (null: none). */
    static String text(JsonNode t, String amount) {
        if (t.isTextual()) {
            return t.textValue();
        }
        if (amount == null) {
            return null;
        }
        return t.get(0).textValue() + amount + t.get(1).textValue();
    }
}
