package io.shebao.population;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSONL: one JSON object per line with the CSV's field names; numbers keep their digits (3450.50 stays
 * 3450.50), an array (e.g. {@code "insurances": ["pension", "unemployment"]}) becomes a {@code ;}-list,
 * null means absent. The row number is the line number; blank lines are skipped.
 */
final class JsonlPopulationReader extends StreamingPopulationReader {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // strict: a key twice, or anything after the object on its line, makes the row an error
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** Malformed lines read ahead while looking for the first object (for {@link #columns()}). */
    private static final int LOOK_AHEAD = 1000;

    private final BufferedReader in;
    private long line;
    private final Columns columns;
    private final int maxRecordChars;
    private final java.util.ArrayDeque<PopulationRow> pending = new java.util.ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private boolean oversized;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;

    JsonlPopulationReader(PopulationReader.ByteCount bytes, int maxRecordChars) {
        super(bytes);
        this.maxRecordChars = maxRecordChars;
        this.in = new BufferedReader(new InputStreamReader(bytes, PopulationReader.strictUtf8()), 1 << 16);
        // the columns are the first object's; malformed lines before it stay rows (in error), not the file's end
        Columns first = new Columns(List.of());
        while (pending.size() < LOOK_AHEAD) {
            PopulationRow r = readRow();
            if (r == null) {
                break;
            }
            pending.add(r);
            if (!r.isMalformed()) {
                first = r.columns();
                break;
            }
        }
        this.columns = first;
    }

    @Override
    public Columns columns() {
        return columns;
    }

    @Override
    PopulationRow advance() {
        return pending.isEmpty() ? readRow() : pending.poll();
    }

    /**
     * Reads the next non-blank line into {@link #text}, keeping at most {@code maxRecordChars} characters: a
     * longer line sets {@link #oversized}, and reading resumes at the next line. False at the end.
     */
    private boolean nextLine() {
        while (true) {
            text.setLength(0);
            oversized = false;
            if (pos >= len && !fill()) {
                return false;
            }
            line++;
            while (true) {
                if (pos >= len && !fill()) {
                    break;
                }
                int end = pos;
                while (end < len && buf[end] != '\n') {
                    end++;
                }
                int keep = Math.min(end - pos, maxRecordChars - text.length());
                if (keep < end - pos) {
                    oversized = true; // keep reading to the line's end, keep nothing more
                }
                if (!oversized) {
                    text.append(buf, pos, keep);
                }
                boolean eol = end < len;
                pos = eol ? end + 1 : end;
                if (eol) {
                    break;
                }
            }
            if (oversized) {
                text.setLength(0);
                return true;
            }
            if (line == 1 && text.length() > 0 && text.charAt(0) == '\uFEFF') {
                text.deleteCharAt(0);
            }
            if (!text.toString().isBlank()) {
                return true;
            }
        }
    }

    private boolean fill() {
        try {
            int n = in.read(buf, 0, buf.length);
            pos = 0;
            len = Math.max(n, 0);
            return n > 0;
        } catch (IOException e) {
            throw PopulationReader.failed(e);
        }
    }

    private PopulationRow readRow() {
        if (!nextLine()) {
            return null;
        }
        if (oversized) {
            return PopulationRow.malformed(line, "", new Columns(List.of()), "the line is longer than "
                    + maxRecordChars + " characters; skipped (limit: --max-record-size, docs/LIMITS.md)");
        }
        String text = this.text.toString();
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return PopulationRow.malformed(line, "", new Columns(List.of()),
                    "the line is not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return PopulationRow.malformed(line, "", new Columns(List.of()), "the line is not a JSON object");
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                continue;
            }
            names.add(e.getKey());
            values.add(text(e.getValue()));
        }
        Columns cols = new Columns(names);
        int idi = cols.indexOf(PopulationColumns.ID);
        return new PopulationRow(line, idi < 0 ? "" : values.get(idi), cols, values.toArray(new String[0]), "");
    }

    private static String text(JsonNode v) {
        if (v.isBigDecimal()) {
            java.math.BigDecimal d = v.decimalValue();
            // 1e999999999 must not be expanded to a billion digits: scientific form, refused by the row parser
            return Math.abs((long) d.scale()) > 40 || d.precision() - (long) d.scale() > 40 ? d.toString() : d.toPlainString();
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(text(x)));
            return String.join(";", parts);
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        return v.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
