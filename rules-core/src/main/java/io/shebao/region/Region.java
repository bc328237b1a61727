package io.shebao.region;

import java.util.Objects;
import java.util.Optional;

/**
 * 统筹地区: an insurance region (the province, or one of its prefecture-level regions).
 *
 * @param code     stable lower-case code used in requests and parameter files, e.g. {@code wuhan}
 * @param nameZh   Chinese name, e.g. 武汉市
 * @param nameEn   English name
 * @param parent   code of the enclosing region whose parameters apply by default, empty for the root
 */
public record Region(String code, String nameZh, String nameEn, Optional<String> parent) {
    public Region {
        Objects.requireNonNull(code);
        Objects.requireNonNull(nameZh);
        Objects.requireNonNull(nameEn);
        Objects.requireNonNull(parent);
    }

    public String label() {
        return code + " (" + nameZh + ")";
    }
}
