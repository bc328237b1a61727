package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shebao.internal.json.Json;
import io.shebao.trace.Message;

import java.util.List;
import java.util.Map;

/**
 * 消息引用: the references under which a section's rows cite their notes and warnings, computed once per message
 * object (writer side). Planned rows share their plan's message objects, so a row looks its messages up by
 * identity instead of hashing and comparing their texts; a message no longer used is dropped with its object.
 */
final class MessageCitations {
    /** Bound of each cache: a file cites a few thousand distinct messages; the bound only stops growth without end. */
    private static final int BOUND = 100_000;

    /**
     * A message's JSON (as a result lists it), or a list's (its messages' references), and its reference; for a
     * message, its texts' runs of numerals (see {@link ListCitation#states}), else null; the reference as a
     * JSON string's bytes, as a row cites it (copied into the row, not encoded again).
     */
    record Cited(String ref, JsonNode json, NumeralRuns numerals, byte[] quotedRef) {
        Cited(String ref, JsonNode json, NumeralRuns numerals) {
            this(ref, json, numerals, JsonBytes.quoted(ref));
        }

        /** Whether the message's texts contain the amount (a decimal's plain string). */
        boolean states(String amount) {
            if (numerals != null && NumeralRuns.isNumeral(amount)) {
                return numerals.contain(amount);
            }
            return json.path("zh").asText().contains(amount) || json.path("en").asText().contains(amount);
        }
    }

    private final Cache<Message, Cited> byMessage = Caffeine.newBuilder().weakKeys().maximumSize(BOUND)
            .executor(Runnable::run).build();
    private final Cache<List<String>, Cited> byList = Caffeine.newBuilder().maximumSize(BOUND)
            .executor(Runnable::run).build();

    /**
     * A list's citations: each message's, and the whole list's when it has two or more. Planned rows share
     * their plan's lists of notes (when none states the amount) and of warnings: one lookup per list.
     */
    static final class ListCitation {
        private final List<Cited> each;
        private final Cited whole;
        /** The messages' texts, read for their numerals when the list is met again (most lists are met once). */
        private final String[] texts;
        /** The texts' runs of numerals; computed on first use. */
        private volatile NumeralRuns numerals;

        /** What a row citing the list cites: each message's reference, then the whole list's, read-only. */
        private final Map<String, JsonNode> cites;

        ListCitation(List<Cited> each, Cited whole, String[] texts) {
            this.each = each;
            this.whole = whole;
            this.texts = texts;
            Map<String, JsonNode> m = new java.util.LinkedHashMap<>();
            for (Cited c : each) {
                m.put(c.ref(), c.json());
            }
            if (whole != null) {
                m.put(whole.ref(), whole.json());
            }
            this.cites = java.util.Collections.unmodifiableMap(m);
        }

        Map<String, JsonNode> cites() {
            return cites;
        }

        List<Cited> each() {
            return each;
        }

        Cited whole() {
            return whole;
        }

        /**
         * Whether a message of the list may state the amount (a decimal's plain string): only within one of its
         * texts' runs of digits, points and minus signs can the amount appear. Null when the amount has other
         * characters (then the texts must be searched).
         */
        Boolean states(String amount) {
            if (!NumeralRuns.isNumeral(amount)) { // empty (every text contains it; a row has a wage or a base) or not a decimal
                return null;
            }
            NumeralRuns ns = numerals;
            if (ns == null) {
                ns = NumeralRuns.of(texts);
                numerals = ns;
            }
            return ns.contain(amount);
        }
    }

    private final Cache<List<Message>, ListCitation> byMessages = Caffeine.newBuilder().weakKeys().maximumSize(BOUND)
            .executor(Runnable::run).build();

    /**
     * Per thread, the lists and messages met last ({@link RecentByIdentity}): a batch worker meets its plans' lists
     * on row after row, and a Caffeine look-up by identity costs far more (~8% of an audited batch's samples under
     * C1) than a slot compared by reference.
     */
    private final RecentByIdentity<List<Message>, ListCitation> recentLists = new RecentByIdentity<>(RecentByIdentity.SLOTS);
    private final RecentByIdentity<Message, Cited> recentMessages = new RecentByIdentity<>(RecentByIdentity.SLOTS);

    /** The citation of a list this thread met lately (its slot), or null: nothing else is asked. */
    ListCitation recent(List<Message> ms) {
        return recentLists.peek(ms);
    }

    /** The citation of a message this thread met lately (its slot), or null: nothing else is asked. */
    Cited recent(Message m) {
        return recentMessages.peek(m);
    }

    /** The citation of a list met before (by identity), or null: nothing is computed. */
    ListCitation met(List<Message> ms) {
        return recentLists.get(ms, byMessages::getIfPresent);
    }

    ListCitation ofAll(List<Message> ms) {
        return recentLists.get(ms, this::ofAllShared);
    }

    private ListCitation ofAllShared(List<Message> ms) {
        return byMessages.get(ms, x -> {
            List<Cited> each = new java.util.ArrayList<>(x.size());
            List<String> refs = new java.util.ArrayList<>(x.size());
            String[] texts = new String[2 * x.size()];
            for (Message m : x) {
                Cited c = of(m);
                texts[2 * each.size()] = m.zh();
                texts[2 * each.size() + 1] = m.en();
                each.add(c);
                refs.add(c.ref());
            }
            return new ListCitation(List.copyOf(each), x.size() >= 2 ? ofList(List.copyOf(refs)) : null, texts);
        });
    }

    /** By content, for a message object not met before: the rules' results have their own objects (same texts). */
    private final Cache<Message, Cited> byContent = Caffeine.newBuilder().maximumSize(BOUND)
            .executor(Runnable::run).build();

    Cited of(Message m) {
        return recentMessages.get(m, this::ofShared);
    }

    private Cited ofShared(Message m) {
        return byMessage.get(m, x -> byContent.get(x, y -> {
            ObjectNode json = (ObjectNode) Json.messages(List.of(y)).get(0);
            return new Cited(AuditHeader.messageReference(json), json, NumeralRuns.of(y.zh(), y.en()));
        }));
    }

    /** A whole list of cited messages, by the references of its messages. */
    Cited ofList(List<String> refs) {
        return byList.get(refs, x -> {
            ArrayNode json = Json.array();
            x.forEach(json::add);
            return new Cited(AuditHeader.messageReference(json), json, null);
        });
    }
}
