package io.shebao.audit;

import java.util.Locale;

/** 语言: the language of explanations; Chinese by default. */
public enum Language {
    ZH, EN;

    public boolean chinese() {
        return this == ZH;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
