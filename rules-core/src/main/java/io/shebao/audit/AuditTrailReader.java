package io.shebao.audit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoException;

import java.util.Optional;

/**
 * 审计文件读取: reads the lines of an audit file of either version, in order. A version-1 line is a record by
 * itself; a version-2 header starts a section, and each version-2 row is read under the last header before
 * it. Not thread-safe (it remembers the header); {@link #row} is, for workers given the header.
 */
public final class AuditTrailReader {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AuditHeader header;
    private String headerProblem = "no header before it";

    /** What one line of an audit file is. */
    public sealed interface Entry permits Header, Messages, Record, Unreadable {
        long line();
    }

    /** A version-2 header: the rows after it belong to it. */
    public record Header(long line, AuditHeader header) implements Entry {
    }

    /** A version-2 "messages" line: notes and warnings the rows after it cite by reference. */
    public record Messages(long line) implements Entry {
    }

    /** A record (version 1, or a version-2 row expanded with its header). */
    public record Record(long line, AuditRecord record) implements Entry {
    }

    /** A line that is not a readable record or header, and why. */
    public record Unreadable(long line, String problem) implements Entry {
    }

    /** Reads one non-blank line; a header becomes the header of the rows after it. */
    public Entry read(String text, long line) {
        if (mayBeHeader(text)) {
            Optional<Entry> h = header(text, line);
            if (h.isPresent()) {
                return h.get();
            }
        }
        return row(text, line, Optional.ofNullable(header), headerProblem);
    }

    /** The header the next rows belong to, if any. */
    public Optional<AuditHeader> header() {
        return Optional.ofNullable(header);
    }

    /** Why a version-2 row read now would have no header (no header yet, or it was unreadable). */
    public String whyNoHeader() {
        return headerProblem;
    }

    /** Cheap test before a full parse: only header lines have a {@code record} key. */
    public static boolean mayBeHeader(String text) {
        return text.contains("\"record\"");
    }

    /**
     * Reads the line as a header if it is one (then it becomes the current header; an unreadable header
     * leaves none, so the rows after it are unreadable too), or empty if it is not a header.
     */
    public Optional<Entry> header(String text, long line) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        if (n != null && n.isObject() && "messages".equals(n.path("record").asText(null)) && !n.has("format")) {
            if (header == null) {
                return Optional.of(new Unreadable(line, "audit record: header: messages, but " + headerProblem));
            }
            try {
                header = header.withMessages((ObjectNode) n);
                return Optional.of(new Messages(line));
            } catch (ShebaoException e) {
                return Optional.of(new Unreadable(line, e.getMessage()));
            }
        }
        if (n == null || !n.isObject() || !AuditHeader.isHeader(n)) {
            return Optional.empty();
        }
        try {
            header = AuditHeader.parse((ObjectNode) n);
            return Optional.of(new Header(line, header));
        } catch (ShebaoException e) {
            header = null;
            headerProblem = "its header (line " + line + ") is unreadable";
            return Optional.of(new Unreadable(line, e.getMessage()));
        }
    }

    /** Reads a record line: version 1 by itself, version 2 under the header given. Thread-safe. */
    public static Entry row(String text, long line, Optional<AuditHeader> header, String whyNoHeader) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return new Unreadable(line, "audit record: line: not valid JSON: " + e.getOriginalMessage());
        }
        try {
            if (n != null && n.isObject() && AuditHeader.isRow(n)) {
                if (header.isEmpty()) {
                    return new Unreadable(line, "audit record: header: a version-2 row, but " + whyNoHeader);
                }
                return new Record(line, header.get().expand((ObjectNode) n));
            }
            return new Record(line, AuditRecord.parse(n));
        } catch (ShebaoException e) {
            return new Unreadable(line, e.getMessage());
        }
    }
}
