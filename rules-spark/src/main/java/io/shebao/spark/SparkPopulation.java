package io.shebao.spark;

import io.shebao.ShebaoException;
import io.shebao.population.Columns;
import io.shebao.population.PopulationColumns;
import io.shebao.population.PopulationRow;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 参保人员名单 as a Spark {@code Dataset<Row>}: the column {@code row} (the record's number, 1 for the first
 * record after the header, as {@code shebao batch} numbers it), then the file's columns, and for CSV the column
 * {@value #CORRUPT} holding a record Spark could not split into the header's fields.
 *
 * <p>CSV is read as RFC 4180 (a quote inside a quoted field doubled, not backslash-escaped), UTF-8, every
 * field as text, one record per line (Spark splits the file between tasks at line ends; a quoted field with a
 * line break needs {@code multiLine}, which reads each file in one task). Row numbers follow the file's order;
 * a Parquet file that has a {@code row} column keeps its numbers, one without gets them in the file's order.
 */
public final class SparkPopulation {
    /** Spark's column for a record it could not read (PERMISSIVE mode). */
    public static final String CORRUPT = "_corrupt_record";
    /** The row-number column. */
    public static final String ROW = "row";

    private SparkPopulation() {
    }

    /** Reads a {@code .csv} or {@code .parquet} file (or folder of part files) by its extension. */
    public static Dataset<Row> read(SparkSession spark, String path) {
        return read(spark, path, false);
    }

    /** @param multiLine for CSV files with line breaks inside quoted fields (one task per file) */
    public static Dataset<Row> read(SparkSession spark, String path, boolean multiLine) {
        String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        if (p.endsWith(".parquet")) {
            Dataset<Row> d = spark.read().parquet(path);
            return List.of(d.columns()).contains(ROW) ? d : numbered(spark, d);
        }
        if (!p.endsWith(".csv")) {
            throw ShebaoException.invalid("in", path, "a population file ends in .csv or .parquet");
        }
        var csv = spark.read().option("header", "true").option("escape", "\"").option("encoding", "UTF-8")
                .option("multiLine", multiLine);
        StructType header = csv.csv(path).schema(); // the header line only: no inference, all text
        StructType schema = new StructType();
        for (StructField f : header.fields()) {
            schema = schema.add(f.name(), DataTypes.StringType, true);
        }
        schema = schema.add(CORRUPT, DataTypes.StringType, true);
        Dataset<Row> d = csv.option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT)
                .schema(schema).csv(path);
        return numbered(spark, d);
    }

    /** Adds {@code row} first: 1 + the record's index in the Dataset's order (the file's order). */
    static Dataset<Row> numbered(SparkSession spark, Dataset<Row> d) {
        StructType schema = new StructType().add(ROW, DataTypes.LongType, false);
        for (StructField f : d.schema().fields()) {
            schema = schema.add(f);
        }
        JavaRDD<Row> rows = d.javaRDD().zipWithIndex().map(t -> {
            Object[] v = new Object[t._1().length() + 1];
            v[0] = t._2() + 1;
            for (int i = 0; i < t._1().length(); i++) {
                v[i + 1] = t._1().get(i);
            }
            return RowFactory.create(v);
        });
        return spark.createDataFrame(rows, schema);
    }

    /** How a Dataset's columns become the columns of {@link PopulationRow}s (built once per partition). */
    static final class Shape {
        final Columns columns;
        final int[] source; // Dataset field index of each population column
        final int row;
        final int corrupt;
        final int id;

        Shape(StructType schema) {
            List<String> names = new ArrayList<>();
            List<Integer> src = new ArrayList<>();
            int r = -1;
            int c = -1;
            for (int i = 0; i < schema.fields().length; i++) {
                String n = schema.fields()[i].name();
                if (n.equals(ROW)) {
                    r = i;
                } else if (n.equals(CORRUPT)) {
                    c = i;
                } else {
                    names.add(n.strip()); // as the CSV reader does with the header
                    src.add(i);
                }
            }
            if (r < 0) {
                throw new IllegalArgumentException("the population Dataset has no '" + ROW + "' column; read it with SparkPopulation.read");
            }
            this.columns = new Columns(names);
            this.source = src.stream().mapToInt(Integer::intValue).toArray();
            this.row = r;
            this.corrupt = c;
            this.id = columns.indexOf(PopulationColumns.ID);
        }

        PopulationRow of(Row r) {
            long number = ((Number) r.get(row)).longValue();
            String[] values = new String[source.length];
            for (int i = 0; i < source.length; i++) {
                values[i] = text(r.get(source[i]));
            }
            String id = this.id >= 0 && values[this.id] != null ? values[this.id] : "";
            if (corrupt >= 0 && !r.isNullAt(corrupt)) {
                return new PopulationRow(number, id, columns, new String[0], malformed(r.getString(corrupt)));
            }
            return new PopulationRow(number, id, columns, values, "");
        }

        /** The CSV reader's reason for a record whose field count is not the header's. */
        private String malformed(String record) {
            int n = CsvLine.split(record).size();
            return n != columns.size()
                    ? "the record has " + n + " fields; the header has " + columns.size()
                    : "the record cannot be read as CSV: " + record;
        }
    }

    /** A field as text: CSV fields are text already; Parquet numbers are written plainly. */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }
}
