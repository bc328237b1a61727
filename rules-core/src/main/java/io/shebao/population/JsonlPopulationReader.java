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
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final BufferedReader in;
    private long line;
    private final Columns columns;

    JsonlPopulationReader(PopulationReader.ByteCount bytes) {
        super(bytes);
        this.in = new BufferedReader(new InputStreamReader(bytes, PopulationReader.strictUtf8()), 1 << 16);
        PopulationRow first = peekRow();
        this.columns = first == null ? new Columns(List.of()) : first.columns();
    }

    @Override
    public Columns columns() {
        return columns;
    }

    @Override
    PopulationRow advance() {
        String text;
        try {
            do {
                text = in.readLine();
                line++;
                if (line == 1 && text != null && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
            } while (text != null && text.isBlank());
        } catch (IOException e) {
            throw PopulationReader.failed(e);
        }
        if (text == null) {
            return null;
        }
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
            return v.decimalValue().toPlainString();
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
