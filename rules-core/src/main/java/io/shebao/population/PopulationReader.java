package io.shebao.population;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

/**
 * Reads a population file (参保人员名单) record by record, in constant memory: CSV (UTF-8, header row, comma,
 * RFC 4180 quoting, optional BOM, LF or CRLF) or JSONL (one JSON object per line) with the same field names.
 * Shared by {@code shebao batch} and {@code shebao whatif}.
 *
 * <pre>{@code
 * try (PopulationReader in = PopulationReader.open(Path.of("people.csv"))) {
 *     in.columns();                      // the header
 *     while (in.hasNext()) {
 *         PopulationRow row = in.next();  // row.isMalformed() for a record that could not be read
 *     }
 * }
 * }</pre>
 *
 * Opening fails with a {@link ShebaoException} (code INVALID_INPUT, field "in") when the file is missing,
 * empty, or not CSV/JSONL; a record that cannot be read is returned as a malformed row, never skipped.
 */
public interface PopulationReader extends Iterator<PopulationRow>, Closeable {

    /** The file's formats, chosen by extension ({@code .csv}, {@code .jsonl}/{@code .ndjson}). */
    enum Format {
        CSV, JSONL;

        public static Format of(Path file) {
            String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".csv")) {
                return CSV;
            }
            if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
                return JSONL;
            }
            throw ShebaoException.invalid("in", file, "a population file ends in .csv or .jsonl");
        }
    }

    /** The columns: the CSV header, or the keys of the first JSONL object. */
    Columns columns();

    /** Bytes of the file consumed so far (for progress and ETA). */
    long bytesRead();

    /** Opens a file, choosing the format by its extension, with the default record size limit. */
    static PopulationReader open(Path file) {
        return open(file, io.shebao.internal.number.Limits.maxRecordChars());
    }

    /**
     * Opens a file, choosing the format by its extension. A record (a CSV record, a JSONL line) longer than
     * {@code maxRecordChars} characters becomes a malformed row and reading resumes after the next line break,
     * so that one runaway record can neither exhaust memory nor take the rows after it down with it.
     */
    static PopulationReader open(Path file, int maxRecordChars) {
        Format f = Format.of(file);
        try {
            return open(Files.newInputStream(file), f, maxRecordChars);
        } catch (NoSuchFileException e) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "in", file.toString(),
                    "in: file '" + file + "' does not exist");
        } catch (IOException e) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "in", file.toString(),
                    "in: file '" + file + "' cannot be read: " + e.getMessage());
        }
    }

    /** Reads a stream in the given format with the default record size limit; the reader closes it. */
    static PopulationReader open(InputStream in, Format format) {
        return open(in, format, io.shebao.internal.number.Limits.maxRecordChars());
    }

    /** Reads a stream in the given format; the reader closes it. See {@link #open(Path, int)}. */
    static PopulationReader open(InputStream in, Format format, int maxRecordChars) {
        if (maxRecordChars < 1) {
            throw io.shebao.ShebaoException.invalid("max-record-size", maxRecordChars, "a number of characters ≥ 1");
        }
        ByteCount counted = new ByteCount(new BufferedInputStream(in, 1 << 16));
        try {
            return format == Format.CSV ? new CsvPopulationReader(counted, maxRecordChars)
                    : new JsonlPopulationReader(counted, maxRecordChars);
        } catch (RuntimeException e) {
            try {
                counted.close();
            } catch (IOException ignored) {
                // the first error is the one to report
            }
            throw e;
        }
    }

    /** Counts the bytes read from the file. */
    final class ByteCount extends FilterInputStream {
        private volatile long count;

        ByteCount(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** An I/O failure in the middle of the file. */
    static RuntimeException failed(IOException e) {
        if (e instanceof java.nio.charset.CharacterCodingException) {
            // A file in GBK or another encoding must not be read as garbled text: say so and stop.
            return new io.shebao.ShebaoException(io.shebao.ErrorCode.INVALID_INPUT, "in", "",
                    "in: the population file is not valid UTF-8 (" + e + "); save it as UTF-8 and run again");
        }
        return new UncheckedIOException("population file cannot be read: " + e.getMessage(), e);
    }

    /** UTF-8 that reports malformed bytes instead of replacing them with U+FFFD. */
    static java.nio.charset.CharsetDecoder strictUtf8() {
        return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    }
}
