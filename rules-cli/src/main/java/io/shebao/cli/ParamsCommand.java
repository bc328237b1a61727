package io.shebao.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoRules;
import io.shebao.internal.json.Json;
import io.shebao.internal.json.ParameterJson;
import io.shebao.parameter.ParameterDefinition;
import io.shebao.parameter.ParameterSet;
import io.shebao.parameter.ParameterValue;
import io.shebao.parameter.Resolution;
import io.shebao.region.Region;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.YearMonth;
import java.util.List;

@Command(name = "params", mixinStandardHelpOptions = true,
        description = "Dated parameters: every value with its validity, reference and provenance.",
        subcommands = {ParamsCommand.ListCmd.class, ParamsCommand.Show.class, ParamsCommand.Regions.class,
                CoverageCommand.class})
final class ParamsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Width of the regions column of {@code params list}: with the longest id, the table stays within 100 columns. */
    static final int REGIONS_WIDTH = 22;

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every parameter with its unit, regions and number of dated values.")
    static final class ListCmd implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common;

        @Override
        public void run() {
            ParameterSet ps = common.rules().parameters();
            PrintWriter out = spec.commandLine().getOut();
            if (common.format == Common.Format.json) {
                ArrayNode a = ParameterJson.all(ps);
                out.println(Json.write(a, true));
            } else {
                // read at 100 columns: the regions wrap within their column, the description goes under the row
                Table t = new Table("id", "unit", "values", "regions");
                for (ParameterDefinition d : ps.definitions().values()) {
                    List<ParameterValue> vs = ps.values(d.id());
                    List<String> regions = CoverageCommand.wrap(vs.stream().map(ParameterValue::region).distinct().toList(),
                            REGIONS_WIDTH);
                    t.row(d.id(), d.unit().code(), String.valueOf(vs.size()), regions.get(0));
                    for (String more : regions.subList(1, regions.size())) {
                        t.row("", "", "", more);
                    }
                    t.note(d.description());
                }
                t.print(out);
            }
            out.flush();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"The timeline of one parameter, or with --region and --at the value in force.",
                    "Example: shebao params show unemployment.employer_rate --region yichang --at 2023-05"})
    static final class Show implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common;
        @Parameters(index = "0", paramLabel = "ID", description = "Parameter id, e.g. unemployment.employer_rate.")
        String id;
        @Option(names = "--region", paramLabel = "REGION", description = "Only values that apply to this region (its own and its province's).")
        String region;
        @Option(names = "--at", paramLabel = "YYYY-MM", converter = Converters.Month.class,
                description = "Show the value in force in this month (needs --region).")
        YearMonth at;
        @Option(names = "--key", paramLabel = "KEY", description = "Key of a keyed parameter (e.g. the risk class).")
        String key;

        @Override
        public void run() {
            ShebaoRules rules = common.rules();
            ParameterSet ps = rules.parameters();
            ParameterDefinition d = ps.definition(id).orElseThrow(() -> CliException.badInput("ID", id,
                    "known parameters: " + String.join(", ", ps.definitions().keySet())));
            if (region != null) {
                rules.regions().require("region", region);
            }
            if (at != null && region == null) {
                throw new CliException(2, "--at: needs --region (a value is in force for a region)");
            }
            List<String> chain = region == null ? null : rules.regions().chain(region);
            List<ParameterValue> vs = ps.values(id).stream()
                    .filter(v -> chain == null || chain.contains(v.region()))
                    .filter(v -> key == null || v.key().equals(key)).toList();
            PrintWriter out = spec.commandLine().getOut();
            if (common.format == Common.Format.json) {
                // the same JSON as GET /parameters/{id}
                out.println(Json.write(ParameterJson.show(ps, rules.regions(), id, region, at, key), true));
            } else if (at != null) {
                List<String> keys = d.keyed() ? (key != null ? List.of(key) : ps.keys(id, region)) : List.of("");
                Table t = new Table("parameter", "value", "region", "validity", "provenance", "reference");
                for (String k : keys) {
                    Resolution r = ps.resolve(id, k, region, at);
                    if (r instanceof Resolution.Known kn) {
                        ParameterValue v = kn.value();
                        t.row(v.qualifiedId(), v.raw(), v.region(), v.validity(), v.provenance().code(), v.reference());
                    } else {
                        Resolution.Unknown u = (Resolution.Unknown) r;
                        String q = k.isEmpty() ? id : id + "[" + k + "]";
                        t.row(q, "UNKNOWN", region, "no value in force in " + at, "",
                                u.lastBefore().map(v -> "last known " + v.raw() + " in force " + v.validity()).orElse(""));
                    }
                }
                out.println(id + " (" + d.unit().code() + ") — " + d.description());
                t.print(out);
            } else {
                out.println(id + " (" + d.unit().code() + ") — " + d.description());
                Table t = new Table("region", "key", "from", "until", "value", "provenance", "source file", "reference");
                for (ParameterValue v : vs) {
                    t.row(v.region(), v.key(), v.from().toString(), v.until().map(Object::toString).orElse("open"),
                            v.raw(), v.provenance().code(), v.origin().pack() + ":" + v.origin().file() + ":" + v.origin().line(),
                            v.reference());
                }
                t.print(out);
            }
            out.flush();
        }
    }

    @Command(name = "regions", mixinStandardHelpOptions = true, description = "The regions the catalogue knows.")
    static final class Regions implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            if (common.format == Common.Format.json) {
                out.println(Json.write(ParameterJson.regions(common.rules().regions()), true));
                out.flush();
                return;
            }
            Table t = new Table("code", "名称", "name", "parent");
            for (Region r : common.rules().regions().all()) {
                t.row(r.code(), r.nameZh(), r.nameEn(), r.parent().orElse(""));
            }
            t.print(out);
            out.flush();
        }
    }

    static ObjectNode valueJson(ParameterValue v) {
        return ParameterJson.value(v);
    }
}
