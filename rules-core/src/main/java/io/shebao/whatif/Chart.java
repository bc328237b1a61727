package io.shebao.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * 图表: a bar chart as inline SVG with a value axis (ticks at 1, 2 or 5 × 10ⁿ, gridlines, a zero line), the
 * categories along the bottom, axis titles and a legend — drawn to print: it scales to the page width and
 * uses fonts that have Chinese glyphs.
 *
 * @param title    above the plot
 * @param yTitle   the value axis, with its unit
 * @param xTitle   under the category labels
 * @param labels   one per category; {@code subLabels} a second, smaller line (may be empty strings)
 * @param series   bars side by side in each category
 */
record Chart(String title, String yTitle, String xTitle, List<String> labels, List<String> subLabels,
             List<Series> series) {
    /**
     * One kind of bar: its legend, its colour, a value per category, a tooltip per category, and the text
     * printed at the end of each bar (empty list: none).
     */
    record Series(String name, String color, double[] values, List<String> tips, List<String> texts) {
        Series {
            Objects.requireNonNull(name);
            values = values.clone();
            tips = List.copyOf(tips);
            texts = List.copyOf(texts);
        }
    }

    private static final int W = 1000;
    private static final int LEFT = 90;
    private static final int RIGHT = 20;
    private static final int TOP = 68; // title, legend, and room for a bar's label above the highest tick
    private static final int PLOT_H = 240;

    String svg() {
        double lo = 0;
        double hi = 0;
        for (Series s : series) {
            for (double v : s.values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double step = step(hi - lo == 0 ? 1 : hi - lo);
        double min = Math.floor(lo / step) * step;
        double max = Math.ceil(hi / step) * step;
        if (max == min) {
            max = min + step;
        }
        double scale = PLOT_H / (max - min);
        int plotW = W - LEFT - RIGHT;
        int h = TOP + PLOT_H + 78;
        StringBuilder g = new StringBuilder();
        g.append(String.format(Locale.ROOT, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
                + "role=\"img\" aria-label=\"%s\" font-size=\"12\" font-family=\"'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',sans-serif\">%n",
                W, h, WhatifReport.esc(title)));
        g.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-weight=\"bold\" font-size=\"14\">%s</text>%n", LEFT, WhatifReport.esc(title)));
        // legend
        double lx = LEFT;
        for (Series s : series) {
            g.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"27\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"37\">%s</text>%n", lx, s.color, lx + 16, WhatifReport.esc(s.name)));
            lx += 30 + 7.5 * s.name.length();
        }
        // value axis: gridlines and tick labels
        List<Double> ticks = new ArrayList<>();
        for (double t = min; t <= max + step / 2; t += step) {
            ticks.add(Math.abs(t) < step / 1e6 ? 0 : t);
        }
        for (double t : ticks) {
            double y = TOP + (max - t) * scale;
            g.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%s\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#333\">%s</text>%n",
                    LEFT, y, W - RIGHT, y, t == 0 ? "#222" : "#d9d9d9", t == 0 ? "1.2" : "0.8", LEFT - 6, y + 4, tick(t, step)));
        }
        g.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#222\"/>%n", LEFT, TOP, LEFT, TOP + PLOT_H));
        g.append(String.format(Locale.ROOT, "<text transform=\"translate(16,%d) rotate(-90)\" text-anchor=\"middle\" fill=\"#333\">%s</text>%n",
                TOP + PLOT_H / 2, WhatifReport.esc(yTitle)));
        // bars
        double slot = (double) plotW / Math.max(1, labels.size());
        double zeroY = TOP + max * scale;
        double bw = slot * 0.78 / series.size();
        for (int i = 0; i < labels.size(); i++) {
            double x0 = LEFT + i * slot + slot * 0.11;
            for (int k = 0; k < series.size(); k++) {
                Series s = series.get(k);
                double v = s.values[i];
                double x = x0 + k * bw;
                double y = v >= 0 ? zeroY - v * scale : zeroY;
                double bh = Math.abs(v) * scale;
                g.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>%n",
                        x, y, bw * 0.92, bh, s.color, WhatifReport.esc(s.tips.get(i))));
                if (!s.texts.isEmpty() && v != 0) {
                    g.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\" fill=\"#222\">%s</text>%n",
                            x + bw * 0.46, v >= 0 ? y - 3 : y + bh + 11, WhatifReport.esc(s.texts.get(i))));
                }
            }
            g.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    LEFT + i * slot + slot / 2, TOP + PLOT_H + 18, WhatifReport.esc(labels.get(i))));
            if (!subLabels.get(i).isEmpty()) {
                g.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">%s</text>%n",
                        LEFT + i * slot + slot / 2, TOP + PLOT_H + 33, WhatifReport.esc(subLabels.get(i))));
            }
        }
        g.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">%s</text>%n",
                LEFT + plotW / 2, TOP + PLOT_H + 58, WhatifReport.esc(xTitle)));
        return g.append("</svg>\n").toString();
    }

    /** The tick step: 1, 2 or 5 × 10ⁿ, for about five intervals over the range. */
    static double step(double range) {
        double raw = range / 5;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    /** A tick with as many decimals as the step needs (none for steps ≥ 1). */
    static String tick(double t, double step) {
        int decimals = step >= 1 ? 0 : Math.min(4, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%,." + decimals + "f", t);
    }
}
