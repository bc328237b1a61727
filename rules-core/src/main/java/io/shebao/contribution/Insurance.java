package io.shebao.contribution;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * 险种: one insurance as the catalogue declares it ({@code insurances:} in {@code shebao/catalog.yaml}), not a
 * fixed list in the library: a new insurance is a catalogue entry, a parameter file and a rule file.
 *
 * @param code              the code used in files, options and JSON: {@code pension}, {@code work_injury}…
 * @param nameZh            险种名称: the Chinese name, e.g. 基本养老保险
 * @param nameEn            the English name used in explanations, e.g. {@code pension insurance}
 * @param index             the declaration's position in the catalogue (0-based): the order of lines, columns and
 *                          JSON everywhere
 * @param definingParameter the parameter whose presence in a region's parameters makes this insurance part of the
 *                          region's scheme (so it applies by default)
 * @param riskClassRequired whether a request must give the employer's risk class (行业风险类别) to compute it
 */
public record Insurance(String code, String nameZh, String nameEn, int index, String definingParameter,
                        boolean riskClassRequired) implements Comparable<Insurance> {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public Insurance {
        Objects.requireNonNull(code);
        Objects.requireNonNull(nameZh);
        Objects.requireNonNull(nameEn);
        Objects.requireNonNull(definingParameter);
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("insurance code '" + code + "': lower-case letters, digits and _");
        }
        if (index < 0) {
            throw new IllegalArgumentException("insurance " + code + ": negative index " + index);
        }
    }

    /** The parameter-id prefix of this insurance's parameters, e.g. {@code unemployment.}. */
    public String parameterPrefix() {
        return code + ".";
    }

    /** Catalogue order. */
    @Override
    public int compareTo(Insurance o) {
        return Integer.compare(index, o.index);
    }

    @Override
    public String toString() {
        return code;
    }

    /** The insurances of the bundled catalogue, in declaration order. */
    public static List<Insurance> values() {
        return InsuranceCatalog.bundled().all();
    }

    /** The bundled catalogue's insurance with this code, if declared. */
    public static Optional<Insurance> fromCode(String code) {
        return InsuranceCatalog.bundled().find(code);
    }

    /**
     * The bundled catalogue's insurance with this code (for code and tests that name a declared insurance).
     *
     * @throws IllegalArgumentException when the catalogue declares none with this code
     */
    public static Insurance of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("insurance '" + code
                + "' is not declared in the catalogue; one of " + allowedCodes()));
    }

    /** The declared codes, comma-separated, for error messages. */
    public static String allowedCodes() {
        return InsuranceCatalog.bundled().allowedCodes();
    }
}
