package io.shebao.parameter;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.calendar.CalendarFileReader;
import io.shebao.calendar.CalendarYear;
import io.shebao.calendar.HolidayCalendar;
import io.shebao.region.Region;
import io.shebao.region.RegionGroup;
import io.shebao.region.RegionRegistry;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the bundled catalogue (regions and parameter files listed in {@code shebao/catalog.yaml} on the
 * class path, shipped by {@code rules-catalog}) and parameter packs from directories.
 */
public final class ParameterCatalog {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ParameterCatalog.class);
    public static final String INDEX = "shebao/catalog.yaml";
    /** The folder of a parameter pack that holds holiday calendar files (one year each), not parameter files. */
    public static final String CALENDAR_FOLDER = "calendar";

    private ParameterCatalog() {
    }

    /** The bundled parameters plus the given packs, in order (a later pack wins). */
    public static ParameterSet load(ClassLoader loader, List<Path> packs) {
        StrictYaml y = new StrictYaml(INDEX, ErrorCode.PARAMETER_FILE_INVALID);
        Map<String, Node> idx;
        try (Reader r = open(loader, INDEX)) {
            idx = y.mapping(y.parse(r), "the catalogue index", Set.of("regions", "insurances", "parameters", "calendars"),
                    Set.of("regions", "parameters"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        RegionRegistry regions = readRegions(loader, y.scalar(idx.get("regions"), "regions"));
        ParameterFileReader reader = new ParameterFileReader(regions);
        List<ParameterFileReader.Contents> bundled = new ArrayList<>();
        for (Node f : y.sequence(idx.get("parameters"), "parameters")) {
            String name = y.scalar(f, "a parameter file");
            try (Reader r = open(loader, name)) {
                bundled.add(reader.read(r, name, ParameterOrigin.BUNDLED));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<CalendarYear> calendars = new ArrayList<>();
        if (idx.containsKey("calendars")) {
            for (Node f : y.sequence(idx.get("calendars"), "calendars")) {
                String name = y.scalar(f, "a holiday calendar file");
                try (Reader r = open(loader, name)) {
                    calendars.add(CalendarFileReader.read(r, name, ParameterOrigin.BUNDLED));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        ParameterSet.Builder b = ParameterSet.builder(regions).layer(ParameterOrigin.BUNDLED, bundled);
        for (Path pack : packs) {
            b.layer(packName(pack), readPack(reader, pack));
            calendars.addAll(readPackCalendars(pack));
        }
        ParameterSet set = b.calendar(HolidayCalendar.of(calendars)).build();
        checkInsurances(loader, set);
        if (LOG.isDebugEnabled()) { // the hash is computed only when it is shown
            LOG.debug("parameters loaded: layers {}, {} values, holiday calendars {}, hash {}", set.layers(),
                    set.values().size(), set.calendar().years(), set.hash());
        }
        return set;
    }

    /** Every declared insurance must be defined by a parameter of the catalogue, or it could never apply. */
    private static void checkInsurances(ClassLoader loader, ParameterSet set) {
        for (io.shebao.contribution.Insurance i : io.shebao.contribution.InsuranceCatalog.load(loader).all()) {
            if (!set.definitions().containsKey(i.definingParameter())) {
                throw new ShebaoException(ErrorCode.PARAMETER_FILE_INVALID, INDEX, i.code(), "insurance " + i.code()
                        + ": its defining parameter " + i.definingParameter() + " is in no parameter file");
            }
        }
    }

    /** A pack's name as shown in traces: the directory's name. */
    public static String packName(Path dir) {
        Path n = dir.toAbsolutePath().normalize().getFileName();
        return n == null ? dir.toString() : n.toString();
    }

    private static List<ParameterFileReader.Contents> readPack(ParameterFileReader reader, Path dir) {
        if (dir.toString().isBlank()) {
            // an empty path is the current folder: never walk it by accident
            throw ShebaoException.invalid("parameters", "", "a directory of parameter files, not an empty path");
        }
        if (!Files.isDirectory(dir)) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "parameters", dir.toString(),
                    "parameters: '" + dir + "' is not a directory of parameter files");
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile)
                    .filter(ParameterCatalog::isYaml)
                    .filter(p -> !dir.relativize(p).startsWith(CALENDAR_FOLDER))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty() && !Files.isDirectory(dir.resolve(CALENDAR_FOLDER))) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "parameters", dir.toString(),
                    "parameters: '" + dir + "' holds no .yaml parameter files");
        }
        String pack = packName(dir);
        List<ParameterFileReader.Contents> out = new ArrayList<>();
        for (Path f : files) {
            String label = dir.relativize(f).toString().replace('\\', '/');
            try {
                if (Files.size(f) > io.shebao.internal.number.Limits.YAML_MAX_CODE_POINTS) {
                    throw new ShebaoException(ErrorCode.PARAMETER_FILE_INVALID, pack + "/" + label, null, pack + "/"
                            + label + ":0: larger than " + io.shebao.internal.number.Limits.YAML_MAX_CODE_POINTS
                            + " bytes (docs/LIMITS.md)");
                }
                out.add(reader.read(Files.readAllBytes(f), pack + "/" + label, pack));
            } catch (IOException e) {
                throw new ShebaoException(ErrorCode.INVALID_INPUT, "parameters", f.toString(),
                        "parameters: '" + f + "' cannot be read: " + e.getMessage());
            }
        }
        return out;
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }

    /** A pack's holiday arrangements: the .yaml files of its {@code calendar/} folder, one year each. */
    private static List<CalendarYear> readPackCalendars(Path dir) {
        Path folder = dir.resolve(CALENDAR_FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).filter(ParameterCatalog::isYaml).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String pack = packName(dir);
        List<CalendarYear> out = new ArrayList<>();
        for (Path f : files) {
            String label = pack + "/" + dir.relativize(f).toString().replace('\\', '/');
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                out.add(CalendarFileReader.read(r, label, pack));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static RegionRegistry readRegions(ClassLoader loader, String name) {
        StrictYaml y = new StrictYaml(name, ErrorCode.PARAMETER_FILE_INVALID);
        List<Region> out = new ArrayList<>();
        List<RegionGroup> groups = new ArrayList<>();
        try (Reader r = open(loader, name)) {
            Map<String, Node> top = y.mapping(y.parse(r), "the regions file", Set.of("regions", "groups"), Set.of("regions"));
            for (Map.Entry<String, Node> e : y.entries(top.get("regions"), "regions").entrySet()) {
                Map<String, Node> m = y.mapping(e.getValue(), "region " + e.getKey(), Set.of("zh", "en", "parent"),
                        Set.of("zh", "en"));
                out.add(new Region(e.getKey(), y.scalar(m.get("zh"), "zh"), y.scalar(m.get("en"), "en"),
                        m.containsKey("parent") ? Optional.of(y.scalar(m.get("parent"), "parent")) : Optional.empty()));
            }
            if (top.containsKey("groups")) {
                for (Map.Entry<String, Node> e : y.entries(top.get("groups"), "groups").entrySet()) {
                    Map<String, Node> m = y.mapping(e.getValue(), "group " + e.getKey(),
                            Set.of("zh", "en", "regions", "reference"), Set.of("zh", "en", "regions", "reference"));
                    List<String> members = new ArrayList<>();
                    for (Node n : y.sequence(m.get("regions"), "regions")) {
                        members.add(y.scalar(n, "region"));
                    }
                    groups.add(new RegionGroup(e.getKey(), y.scalar(m.get("zh"), "zh"), y.scalar(m.get("en"), "en"),
                            members, y.scalar(m.get("reference"), "reference")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new RegionRegistry(out, groups);
        } catch (IllegalArgumentException e) {
            throw new ShebaoException(ErrorCode.PARAMETER_FILE_INVALID, name, null, name + ": " + e.getMessage());
        }
    }

    private static Reader open(ClassLoader loader, String name) {
        InputStream in = loader.getResourceAsStream(name);
        if (in == null) {
            throw new ShebaoException(ErrorCode.RULES_UNAVAILABLE, name, null,
                    "catalogue resource " + name + " not found on the class path: add rules-catalog as a dependency");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }
}
