package io.shebao.parameter;

/**
 * Where a value was read: the layer ({@code bundled} or a parameter pack's name), the file and the line.
 */
public record ParameterOrigin(String pack, String file, int line) {
    public static final String BUNDLED = "bundled";

    @Override
    public String toString() {
        return pack + ":" + file + ":" + line;
    }
}
