package io.shebao.cli;

import io.shebao.contribution.UnitKind;
import picocli.CommandLine;

import io.shebao.internal.number.DecimalBounds;
import io.shebao.internal.number.Limits;
import io.shebao.internal.number.MonthText;
import io.shebao.internal.number.WholeBounds;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;

/** Converters that turn bad input into one line naming what is allowed. */
final class Converters {
    private Converters() {
    }

    /** A path: never empty (an empty --parameters would read the current folder, --out would write into it). */
    static final CommandLine.ITypeConverter<Path> PATH = v -> {
        if (v.isBlank()) {
            throw new CommandLine.TypeConversionException("'" + v + "' is not allowed; give a file or folder name");
        }
        try {
            return Path.of(v);
        } catch (java.nio.file.InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + v + "' is not a path: " + e.getReason());
        }
    };

    /** YYYY-MM-DD within the years allowed ({@code DayText}), one line naming the value and what is allowed otherwise. */
    static final class Day implements CommandLine.ITypeConverter<java.time.LocalDate> {
        @Override
        public java.time.LocalDate convert(String v) {
            java.time.LocalDate d = io.shebao.internal.number.DayText.value(v);
            if (d == null) {
                throw new CommandLine.TypeConversionException(io.shebao.internal.number.DayText.refusal(v));
            }
            return d;
        }
    }

    static final class Month implements CommandLine.ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String v) {
            YearMonth m = MonthText.value(v);
            if (m == null) {
                throw new CommandLine.TypeConversionException("'" + v + "' is not a month; allowed: YYYY-MM, e.g. 2023-05 (years "
                        + Limits.YEAR_MIN + " to " + Limits.YEAR_MAX + ")");
            }
            return m;
        }
    }

    /** Bounded before any arithmetic (docs/LIMITS.md): {@code --base 1e3000000} is refused, not printed. */
    static final class Amount implements CommandLine.ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String v) {
            if (!DecimalBounds.AMOUNT.accepts(v)) {
                throw new CommandLine.TypeConversionException("'" + v + "' is not allowed; " + DecimalBounds.AMOUNT.allowed());
            }
            return new BigDecimal(v);
        }
    }

    static final class Percent implements CommandLine.ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String v) {
            String n = v.endsWith("%") ? v.substring(0, v.length() - 1) : v;
            if (!DecimalBounds.PERCENT.accepts(n)) {
                throw new CommandLine.TypeConversionException("'" + v + "' is not a percentage; allowed: "
                        + DecimalBounds.PERCENT.allowed());
            }
            return new BigDecimal(n);
        }
    }

    static final class Kind implements CommandLine.ITypeConverter<UnitKind> {
        @Override
        public UnitKind convert(String v) {
            return UnitKind.fromCode(v).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "'" + v + "' is not a unit kind; allowed: " + UnitKind.allowedCodes()));
        }
    }

    static final class RiskClass implements CommandLine.ITypeConverter<Integer> {
        private static final WholeBounds CLASSES = new WholeBounds("1 to 8 (一类…八类)", 1, 8);

        @Override
        public Integer convert(String v) {
            if (!CLASSES.accepts(v)) {
                throw new CommandLine.TypeConversionException("'" + v + "' is not a risk class; allowed: 1 to 8 (一类…八类)");
            }
            return Integer.parseInt(v);
        }
    }

    /** A record size: a number of characters, with an optional k or m (binary) suffix, e.g. 4m. */
    static final class Size implements CommandLine.ITypeConverter<Integer> {
        private static final WholeBounds SIZES = new WholeBounds("a size ≥ 1", 1, 1_000_000_000);

        @Override
        public Integer convert(String v) {
            String s = v.strip().toLowerCase(java.util.Locale.ROOT);
            int unit = s.endsWith("k") ? 1024 : s.endsWith("m") ? 1024 * 1024 : 1;
            String n = unit == 1 ? s : s.substring(0, s.length() - 1);
            if (!SIZES.accepts(n) || Long.parseLong(n) * unit > Integer.MAX_VALUE - 16) {
                throw new CommandLine.TypeConversionException("'" + v
                        + "' is not a size; allowed: a number of characters ≥ 1, optionally with k or m, e.g. 4m (at most 2047m)");
            }
            return (int) (Long.parseLong(n) * unit);
        }
    }
}
