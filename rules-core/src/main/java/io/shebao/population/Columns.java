package io.shebao.population;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The column names of a population file in file order, shared by all its rows. */
public final class Columns {
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();

    public Columns(List<String> names) {
        this.names = List.copyOf(names);
        for (int i = 0; i < this.names.size(); i++) {
            index.putIfAbsent(this.names.get(i), i);
        }
    }

    public List<String> names() {
        return names;
    }

    public int size() {
        return names.size();
    }

    public String name(int i) {
        return names.get(i);
    }

    /** Position of the column, or -1. */
    public int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    public boolean contains(String name) {
        return index.containsKey(name);
    }

    @Override
    public String toString() {
        return String.join(",", names);
    }
}
