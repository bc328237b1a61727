package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.internal.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * {@code TrailRowReplay.canonicalEnd} reads a row's canonical content from its line (issue 13, stop 13): it
 * must give exactly what writing the parsed content again gives, or nothing. A line the writer would not have
 * written (white space, an escape, a number written another way, the seal before or among the content) must give
 * nothing, since its digest may have been computed over its own text by a forger.
 */
class CanonicalContentTest {
    private static final ObjectMapper READER = new ObjectMapper();

    /** As AuditHeader.row writes a line: content keys, then the seal. */
    private static final String ROW = "{\"kind\":\"contribution\",\"header\":\"5546282d5caa17c3\","
            + "\"request\":{\"region\":\"yichang\",\"period\":\"2025-12\",\"wage\":\"15960\",\"riskClass\":7,"
            + "\"floatGrade\":\"100\",\"insurances\":[\"pension\"],\"allowCarryForward\":false,\"x\":null,\"y\":-12,"
            + "\"digest\":\"nested, not a seal\"},"
            + "\"result\":{\"baseAdjustment\":\"WITHIN_LIMITS\",\"notes\":[\"fb0c57f1\",{\"code\":\"A\",\"zh\":\"基本医疗保险 中文\",\"en\":\"x\"}],"
            + "\"lines\":[{\"insurance\":\"pension\",\"base\":\"15960\"}],\"totals\":{},\"e\":[],\"t\":true}"
            + ",\"trace\":{\"rules\":[0,3,12],\"parameters\":[1,{\"ref\":2,\"carriedForward\":true}]}";
    private static final String SEAL = ",\"digest\":\"abc\"";

    /** What TrailRowReplay hashes when it does not read the line: the tree without the seal, written again. */
    private static String written(String line) throws Exception {
        JsonNode n = READER.readTree(line);
        ObjectNode content = Json.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!AuditHeader.SEAL_KEYS.contains(f.getKey())) {
                content.set(f.getKey(), f.getValue());
            }
        }
        return Json.write(content, false);
    }

    private static int contentKeys(String line) throws Exception {
        int k = 0;
        for (Iterator<String> it = READER.readTree(line).fieldNames(); it.hasNext(); ) {
            k += AuditHeader.SEAL_KEYS.contains(it.next()) ? 0 : 1;
        }
        return k;
    }

    /** The content TrailRowReplay.canonicalEnd finds in the line, or null. */
    private static String content(String line, int keys) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        int end = TrailRowReplay.canonicalEnd(b, keys);
        return end < 0 ? null : new String(b, 0, end, StandardCharsets.UTF_8) + "}";
    }

    @Test
    void theDigestFromTheLineIsTheRowDigestOfItsContent() throws Exception {
        String h = "5546282d5caa17c3b2a1e0f9d8c7b6a5f4e3d2c1b0a99887766554433221100f";
        for (String line : List.of(ROW + SEAL + "}", ROW.replace("中文", "中文\\\"") + SEAL + "}")) {
            String d = TrailRowReplay.digestFromLine(RowDigest.under(h), line, contentKeys(line));
            assertEquals(line.contains("\\") ? null : AuditHeader.rowDigest(h, written(line)), d, line);
        }
        // another header's digest after the first (the state after a header is kept for the next rows)
        String other = "0f" + h.substring(2);
        assertEquals(AuditHeader.rowDigest(other, written(ROW + SEAL + "}")),
                TrailRowReplay.digestFromLine(RowDigest.under(other), ROW + SEAL + "}", contentKeys(ROW + SEAL + "}")));
    }

    @Test
    void aLineAsWrittenGivesItsContent() throws Exception {
        for (String line : List.of(ROW + SEAL + "}", ROW + SEAL + ",\"signature\":\"c2ln\",\"evaluatedAt\":\"2026-11-25T01:00:00Z\"}",
                ROW + ",\"evaluatedAt\":\"2026-11-25T01:00:00Z\"" + SEAL + "}", ROW + SEAL + " }")) {
            String c = content(line, contentKeys(line));
            assertNotNull(c, line);
            assertEquals(written(line), c, line);
        }
    }

    @Test
    void aLineTheWriterWouldNotHaveWrittenGivesNothing() throws Exception {
        List<String> lines = List.of(
                ROW.replace(",\"header\"", ", \"header\"") + SEAL + "}",                 // a space between keys
                ROW.replace("{\"kind\"", "{ \"kind\"") + SEAL + "}",                     // after the brace
                ROW.replace(":7,", ": 7,") + SEAL + "}",                                 // before a value, nested
                ROW.replace("\"trace\":{", "\"trace\":\n{") + SEAL + "}",               // a line feed
                ROW.replace("\"yichang\"", "\"yi\\u0063hang\"") + SEAL + "}",            // an escape Jackson would not write
                ROW.replace("基本", "\\u57fa\\u672c") + SEAL + "}",                       // non-ASCII escaped
                ROW.replace("\"x\"}", "\"x\\/\"}") + SEAL + "}",                         // an escaped slash
                ROW.replace(":7,", ":7.0,") + SEAL + "}",                               // a fraction
                ROW.replace(":7,", ":7e0,") + SEAL + "}",                               // an exponent
                ROW.replace(":7,", ":7E+0,") + SEAL + "}",
                ROW.replace(":-12,", ":-0,") + SEAL + "}",                              // minus zero is written 0
                ROW.replace("\"trace\"", "\"digest\":\"abc\",\"trace\"") + "}",          // the seal among the content
                "{\"digest\":\"abc\"," + ROW.substring(1) + "}",                         // the seal first
                ROW + "}");                                                             // no seal
        for (String line : lines) {
            int keys = contentKeys(line);
            String c = content(line, keys);
            if (c != null) {
                // the only acceptable answer: exactly what writing the tree gives (then the digests agree)
                assertEquals(written(line), c, line);
            }
            assertNull(c, line); // and this reader is strict enough to decline all of these
        }
    }
}
