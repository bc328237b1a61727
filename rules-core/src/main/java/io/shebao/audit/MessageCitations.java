package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shebao.internal.json.Json;
import io.shebao.trace.Message;

import java.util.List;

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
     * message, its texts' runs of numerals joined by spaces (see {@link ListCitation#states}), else null.
     */
    record Cited(String ref, JsonNode json, String numerals) {
        /** Whether the message's texts contain the amount (a decimal's plain string). */
        boolean states(String amount) {
            if (numerals != null && isNumeral(amount)) {
                // a space is no numeral, and the amount has only numerals: found here only within one run
                return numerals.contains(amount);
            }
            return json.path("zh").asText().contains(amount) || json.path("en").asText().contains(amount);
        }
    }

    /** True for a non-empty text of numerals only (every plain decimal string is one). */
    private static boolean isNumeral(String amount) {
        if (amount.isEmpty()) {
            return false;
        }
        for (int i = 0; i < amount.length(); i++) {
            if (NUMERAL.indexOf(amount.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
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
        /** The texts' runs of numerals, joined by spaces; computed on first use. */
        private volatile String numerals;

        ListCitation(List<Cited> each, Cited whole, String[] texts) {
            this.each = each;
            this.whole = whole;
            this.texts = texts;
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
            if (!isNumeral(amount)) { // empty (every text contains it; a row has a wage or a base) or not a decimal
                return null;
            }
            String ns = numerals;
            if (ns == null) {
                List<String> found = new java.util.ArrayList<>();
                for (String t : texts) {
                    numerals(t, found);
                }
                ns = joined(found);
                numerals = ns;
            }
            // a space is no numeral, and the amount has only numerals: found here only within one run
            return ns.contains(amount);
        }
    }

    private static final String NUMERAL = "0123456789.-";

    /** The maximal runs of {@link #NUMERAL} characters in the texts (a handful of short strings per message). */
    private static void numerals(String text, List<String> into) {
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean in = i < text.length() && NUMERAL.indexOf(text.charAt(i)) >= 0;
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                into.add(text.substring(start, i));
                start = -1;
            }
        }
    }

    /**
     * The runs joined by spaces, each once and none that another contains: the amount is within one of the runs
     * exactly when it is within one of these. A list's texts repeat their numbers (the Chinese and the English
     * text, a value and its document's dates in several notes): its runs were ~550 characters joined, searched
     * on every row that cites the list (6.5% of an audited 1M-row batch's samples).
     */
    static String joined(List<String> runs) {
        List<String> kept = new java.util.ArrayList<>();
        runs.stream().distinct().sorted(java.util.Comparator.comparingInt(String::length).reversed()).forEach(r -> {
            for (String k : kept) {
                if (k.contains(r)) {
                    return;
                }
            }
            kept.add(r);
        });
        return String.join(" ", kept);
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
            List<String> found = new java.util.ArrayList<>();
            numerals(y.zh(), found);
            numerals(y.en(), found);
            return new Cited(AuditHeader.messageReference(json), json, joined(found));
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
