package io.shebao.services;

import java.util.Locale;
import java.util.Optional;

/**
 * Which items to list: a category (业务类别, matched as a substring, so 失业保险 finds both unemployment
 * categories) and a search word over code, name and category. Empty matches everything.
 */
public record ServiceFilter(Optional<String> category, Optional<String> search) {
    public static final ServiceFilter ALL = new ServiceFilter(Optional.empty(), Optional.empty());

    public static ServiceFilter category(String c) {
        return new ServiceFilter(Optional.of(c), Optional.empty());
    }

    public static ServiceFilter search(String word) {
        return new ServiceFilter(Optional.empty(), Optional.of(word));
    }

    public boolean matches(ServiceItem i) {
        if (category.isPresent() && !i.category().contains(category.get().trim())) {
            return false;
        }
        if (search.isPresent()) {
            String w = search.get().trim().toUpperCase(Locale.ROOT);
            return i.code().contains(w) || i.name().toUpperCase(Locale.ROOT).contains(w)
                    || i.category().contains(w) || i.group().contains(w);
        }
        return true;
    }
}
