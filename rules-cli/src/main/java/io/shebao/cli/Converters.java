package io.shebao.cli;

import io.shebao.contribution.UnitKind;
import picocli.CommandLine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Converters that turn bad input into one line naming what is allowed. */
final class Converters {
    private Converters() {
    }

    static final class Month implements CommandLine.ITypeConverter<YearMonth> {
        @Override
        public YearMonth convert(String v) {
            try {
                return YearMonth.parse(v);
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + v + "' is not a month; allowed: YYYY-MM, e.g. 2023-05");
            }
        }
    }

    static final class Amount implements CommandLine.ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String v) {
            BigDecimal d;
            try {
                d = new BigDecimal(v);
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + v + "' is not an amount; allowed: a number of yuan ≥ 0, e.g. 3450 or 3450.50");
            }
            if (d.signum() < 0) {
                throw new CommandLine.TypeConversionException("'" + v + "' is negative; allowed: a number of yuan ≥ 0");
            }
            return d;
        }
    }

    static final class Percent implements CommandLine.ITypeConverter<BigDecimal> {
        @Override
        public BigDecimal convert(String v) {
            try {
                BigDecimal d = new BigDecimal(v.endsWith("%") ? v.substring(0, v.length() - 1) : v);
                if (d.signum() <= 0) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + v + "' is not a percentage; allowed: a number > 0, e.g. 100 or 120");
            }
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
        @Override
        public Integer convert(String v) {
            try {
                int c = Integer.parseInt(v);
                if (c >= 1 && c <= 8) {
                    return c;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the message
            }
            throw new CommandLine.TypeConversionException("'" + v + "' is not a risk class; allowed: 1 to 8 (一类…八类)");
        }
    }
}
