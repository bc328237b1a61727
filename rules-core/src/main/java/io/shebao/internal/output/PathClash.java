package io.shebao.internal.output;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * 路径冲突: refuses a run whose output would overwrite one of its inputs or another output, before anything
 * is opened. Paths are compared as the files they are: symbolic links followed, {@code ..} and relative
 * paths resolved, and existing files compared with {@link Files#isSameFile} (which also catches hard links).
 * Give the default names too (e.g. the errors file derived from {@code --out}).
 *
 * <pre>{@code
 * PathClash.check(List.of(PathClash.of("--in", in)),
 *         List.of(PathClash.of("--out", out), PathClash.of("--errors", errors)));
 * }</pre>
 */
public final class PathClash {
    /** A path and the option (or role, e.g. "the default --errors file") that names it. */
    public record Named(String option, Path path) {
        public Named {
            Objects.requireNonNull(option);
            Objects.requireNonNull(path);
        }
    }

    private PathClash() {
    }

    public static Named of(String option, Path path) {
        return new Named(option, path);
    }

    /**
     * Throws a {@link ShebaoException} (INVALID_INPUT, field = the output's option) naming both options when
     * an output is the same file as an input or as an earlier output. Null paths are skipped.
     */
    public static void check(List<Named> inputs, List<Named> outputs) {
        List<Named> seen = new ArrayList<>();
        for (Named o : outputs) {
            if (o == null) {
                continue;
            }
            for (Named i : inputs) {
                if (i != null && same(o.path(), i.path())) {
                    throw clash(o, i, "an output must never overwrite an input");
                }
            }
            for (Named s : seen) {
                if (same(o.path(), s.path())) {
                    throw clash(o, s, "two outputs cannot share a file");
                }
            }
            seen.add(o);
        }
    }

    private static ShebaoException clash(Named out, Named other, String why) {
        return new ShebaoException(ErrorCode.INVALID_INPUT, out.option(), out.path().toString(),
                out.option() + ": '" + out.path() + "' is the same file as " + other.option() + " '" + other.path()
                        + "'; " + why + ": choose another file");
    }

    /** True when the two paths name the same file (or would, once created). */
    public static boolean same(Path a, Path b) {
        if (Files.exists(a) && Files.exists(b)) {
            try {
                return Files.isSameFile(a, b);
            } catch (IOException e) {
                // fall back to comparing names
            }
        }
        return canonical(a).equals(canonical(b));
    }

    /** The real path of the file, or of its folder with its name when it does not exist yet. */
    static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            if (parent == null || abs.getFileName() == null) {
                return abs;
            }
            return canonical(parent).resolve(abs.getFileName());
        }
    }
}
