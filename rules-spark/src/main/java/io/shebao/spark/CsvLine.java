package io.shebao.spark;

import java.util.ArrayList;
import java.util.List;

/** Splits one RFC 4180 line (as {@code CsvText} writes fields) back into its fields. */
final class CsvLine {
    private CsvLine() {
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else if (c == '"' && f.length() == 0) {
                quoted = true;
            } else if (c != '\n' && c != '\r') {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
