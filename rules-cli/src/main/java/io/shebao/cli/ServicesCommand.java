package io.shebao.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ErrorCode;
import io.shebao.ShebaoRules;
import io.shebao.audit.AuditRecord;
import io.shebao.audit.Explanation;
import io.shebao.internal.json.Json;
import io.shebao.internal.json.ServiceJson;
import io.shebao.parameter.StrictYaml;
import io.shebao.services.CheckSpec;
import io.shebao.services.Deadline;
import io.shebao.services.FactSpec;
import io.shebao.services.ServiceCheck;
import io.shebao.services.ServiceCondition;
import io.shebao.services.ServiceFilter;
import io.shebao.services.ServiceItem;
import io.shebao.services.ServiceSite;
import io.shebao.services.Services;
import io.shebao.services.TimeLimit;
import io.shebao.trace.Message;
import io.shebao.trace.RuleFiring;
import org.yaml.snakeyaml.nodes.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Command(name = "services", mixinStandardHelpOptions = true,
        description = {"Public service items (武人社发〔2017〕58号): list, show, check an applicant, write a browsable site.",
                "Example: shebao services check SYB00002 --fact contribution_months=60 --fact involuntary=yes "
                        + "--fact registered_unemployed=yes --fact seeking_work=yes"},
        subcommands = {ServicesCommand.ListCmd.class, ServicesCommand.Show.class, ServicesCommand.Check.class,
                ServicesCommand.Site.class})
final class ServicesCommand implements Runnable {
    /** Terminal width the tables and wrapped text aim at. */
    static final int WIDTH = 100;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "The items by category: code, how the check is decided, the time limits, the name.")
    static final class ListCmd implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common;
        @Option(names = "--category", paramLabel = "C", description = "Only items whose category (业务类别) contains C, e.g. 失业保险.")
        String category;
        @Option(names = "--search", paramLabel = "WORD", description = "Only items whose code, name or category contains WORD.")
        String search;

        @Override
        public void run() {
            Services s = common.rules().services();
            List<ServiceItem> items = s.list(new ServiceFilter(Optional.ofNullable(category), Optional.ofNullable(search)));
            PrintWriter out = spec.commandLine().getOut();
            if (common.format == Common.Format.json) {
                ArrayNode a = Json.array();
                items.forEach(i -> a.add(ServiceJson.summary(i, s.spec(i.code()))));
                out.println(Json.write(a, true));
            } else if (items.isEmpty()) {
                out.println("no item matches" + (category == null ? "" : " --category " + category)
                        + (search == null ? "" : " --search " + search) + "; categories: " + String.join(", ", s.categories()));
            } else {
                String current = null;
                Table t = null;
                for (ServiceItem i : items) {
                    if (!i.category().equals(current)) {
                        if (t != null) {
                            t.print(out);
                            out.println();
                        }
                        current = i.category();
                        out.println("## " + current);
                        t = new Table("code", "check", "statutory", "promised", "name");
                    }
                    t.row(i.code(), s.spec(i.code()).engine().name().toLowerCase(java.util.Locale.ROOT),
                            shortLimit(i.statutoryLimit()), shortLimit(i.promisedLimit()), clip(i.name(), WIDTH - 52));
                }
                t.print(out);
                out.println();
                out.println(items.size() + " guide tables. check: rules, retirement = decided from facts;");
                out.println("documents = to verify at the counter. wd = working days; * = counted from another event.");
            }
            out.flush();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Everything the guide table says about one item, and the facts `check` reads for it.")
    static final class Show implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common;
        @Parameters(index = "0", paramLabel = "CODE", description = "Item code, e.g. SBZX00015 (SBZX000062 is read as SBZX00062).")
        String code;

        @Override
        public void run() {
            Services s = common.rules().services();
            ServiceItem i = s.item(code);
            CheckSpec cs = s.spec(i.code());
            PrintWriter out = spec.commandLine().getOut();
            if (common.format == Common.Format.json) {
                out.println(Json.write(ServiceJson.item(i, cs), true));
                out.flush();
                return;
            }
            out.println(i.code() + "  " + i.name());
            field(out, "category", i.category() + " (" + i.group() + ")");
            if (!i.listedCode().equals(i.code())) {
                field(out, "listed as", i.listedCode());
            }
            field(out, "body", i.body());
            field(out, "marks", (i.marks().immediate() ? "☑" : "☐") + " 马上办  " + (i.marks().online() ? "☑" : "☐") + " 网上办  "
                    + (i.marks().oneVisit() ? "☑" : "☐") + " 一次办");
            list(out, "legal basis", i.legalBases(), i.legalBasis());
            field(out, "conditions", i.conditions());
            list(out, "materials", i.materials(), i.materialsText());
            field(out, "statutory", i.statutoryLimit().text() + "  [" + shortLimit(i.statutoryLimit()) + "]");
            field(out, "promised", i.promisedLimit().text() + "  [" + shortLimit(i.promisedLimit()) + "]");
            field(out, "special", i.specialProcedure());
            field(out, "fees", i.fees());
            field(out, "approval", i.approvalDocument());
            list(out, "process", i.processSteps(), i.process());
            field(out, "offices", i.offices());
            field(out, "contacts", i.contacts());
            field(out, "complaints", i.complaints());
            if (!i.remarks().isEmpty()) {
                field(out, "remarks", i.remarks());
            }
            out.println();
            switch (cs.engine()) {
                case DOCUMENTS -> out.println("check: to verify — the conditions are documents the counter inspects; "
                        + "`services check " + i.code() + "` answers TO_VERIFY with them.");
                default -> {
                    out.println("check: decided by " + (cs.engine() == io.shebao.services.CheckEngine.RULES ? "the services rules"
                            : "the retirement rules") + " from these facts (`--fact NAME=VALUE`):");
                    Table t = new Table("fact", "required", "allowed", "meaning");
                    for (FactSpec f : cs.facts()) {
                        t.row(f.name(), f.required() ? "yes" : "no", clip(f.allowed(), 30), clip(f.zh(), 36));
                    }
                    t.print(out);
                }
            }
            out.flush();
        }
    }

    /** Facts given one by one or in a YAML file (one level: name: value). */
    static final class FactsInput {
        @Option(names = "--fact", paramLabel = "NAME=VALUE", description = "A fact (repeatable); names as `services show CODE` lists them.")
        List<String> facts = new ArrayList<>();
        @Option(names = "--facts", paramLabel = "FILE", description = "A YAML file of facts (name: value per line).")
        Path file;

        Map<String, String> read() {
            Map<String, String> m = new LinkedHashMap<>();
            if (file != null) {
                StrictYaml y = new StrictYaml(file.toString(), ErrorCode.INVALID_INPUT);
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    for (Map.Entry<String, Node> e : y.entries(y.parse(r), "the facts file").entrySet()) {
                        m.put(e.getKey(), y.scalar(e.getValue(), "the value of " + e.getKey()));
                    }
                } catch (IOException e) {
                    throw CliException.badInput("--facts", file.toString(), "a readable YAML file (" + e.getMessage() + ")");
                }
            }
            for (String f : facts) {
                int eq = f.indexOf('=');
                if (eq <= 0) {
                    throw CliException.badInput("--fact", f, "NAME=VALUE, e.g. --fact laid_off=19");
                }
                String k = f.substring(0, eq).trim();
                if (m.containsKey(k) && file == null) {
                    throw CliException.badInput("--fact", f, "each fact once (" + k + " is given twice)");
                }
                m.put(k, f.substring(eq + 1).trim()); // --fact wins over the file
            }
            return m;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"May this person or unit do this item? Each condition met / not met / to verify, the materials,",
                    "the completion dates and the rules with their legal basis. Missing facts are named (exit 2)."})
    static final class Check implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common;
        @Mixin
        AuditOptions audit;
        @Parameters(index = "0", paramLabel = "CODE", description = "Item code, e.g. SYB00002.")
        String code;
        @Mixin
        FactsInput facts;
        @Option(names = "--applied-on", paramLabel = "YYYY-MM-DD", description = "Application date (default: today).")
        String appliedOn;

        @Override
        public void run() {
            LocalDate on;
            try {
                on = appliedOn == null ? LocalDate.now() : LocalDate.parse(appliedOn);
            } catch (DateTimeParseException e) {
                throw CliException.badInput("--applied-on", appliedOn, "a date YYYY-MM-DD");
            }
            ShebaoRules rules = common.rules();
            ServiceCheck c = rules.services().check(code, facts.read(), on);
            Optional<AuditRecord> record = audit.wanted() ? Optional.of(rules.audit().record(c)) : Optional.empty();
            record.ifPresent(audit::write);
            Optional<Explanation> explanation = record.flatMap(audit::explanation);
            PrintWriter out = spec.commandLine().getOut();
            if (common.format == Common.Format.json) {
                ObjectNode j = ServiceJson.check(c);
                j.set("trace", Json.trace(c.trace()));
                explanation.ifPresent(e -> e.lines().forEach(j.putArray("explanation")::add));
                out.println(Json.write(j, true));
            } else {
                table(out, c);
                explanation.ifPresent(e -> AuditOptions.print(out, e));
            }
            out.flush();
        }
    }

    @Command(name = "site", mixinStandardHelpOptions = true,
            description = "Write a static, self-contained HTML site: an index by category with search, one page per item.")
    static final class Site implements Runnable {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "A directory that does not exist or is empty.")
        Path out;

        @Override
        public void run() {
            int pages = ServiceSite.write(common.rules().services(), out);
            spec.commandLine().getOut().println(pages + " pages written to " + out + " (open " + out.resolve("index.html") + ")");
            spec.commandLine().getOut().flush();
        }
    }

    static void table(PrintWriter out, ServiceCheck c) {
        out.println(c.code() + "  " + c.name() + "  — applied on " + c.appliedOn());
        String zh = switch (c.outcome()) {
            case ELIGIBLE -> "符合";
            case NOT_ELIGIBLE -> "不符合";
            case TO_VERIFY -> "待核实";
        };
        out.println("outcome: " + c.outcome() + " " + zh);
        out.println();
        out.println("conditions:");
        for (ServiceCondition x : c.conditions()) {
            String tag = String.format("  %-9s ", x.status());
            wrap(out, tag, x.text().zh());
            wrap(out, " ".repeat(tag.length()), x.text().en() + (x.rules().isEmpty() ? "" : "  [" + String.join(", ", x.rules()) + "]"));
        }
        c.benefitMonths().ifPresent(m -> out.println("benefit months: " + m + " (失业保险金领取期限)"));
        out.println();
        out.println("materials:");
        c.materials().forEach(m -> wrap(out, "  ", m));
        out.println();
        deadline(out, "statutory deadline", c.statutoryDeadline());
        deadline(out, "promised deadline", c.promisedDeadline());
        if (!c.notes().isEmpty()) {
            out.println();
            out.println("notes:");
            for (Message m : c.notes()) {
                wrap(out, "  ", m.zh());
                wrap(out, "  ", m.en());
            }
        }
        if (!c.trace().rules().isEmpty()) {
            out.println();
            out.println("rules fired:");
            for (RuleFiring f : c.trace().rules()) {
                wrap(out, "  " + f.id() + " ", f.name() + " — " + f.legalBasis());
            }
        }
    }

    private static void deadline(PrintWriter out, String label, Deadline d) {
        wrap(out, label + ": ", d.date().map(LocalDate::toString).orElse("—") + "  (" + d.limit().text() + ") " + d.note().en());
    }

    static String shortLimit(TimeLimit t) {
        String s = switch (t.kind()) {
            case NONE -> "none";
            case IMMEDIATE -> "at once";
            case WORKING_DAYS -> t.number() + " wd";
            case DAYS -> t.number() + " days";
            case SCHEDULE -> "schedule";
        };
        return t.fromApplication() || t.kind() == io.shebao.services.TimeLimitKind.NONE ? s : s + "*";
    }

    private static void field(PrintWriter out, String label, String text) {
        wrap(out, String.format("%-12s", label), text);
    }

    private static void list(PrintWriter out, String label, List<String> parts, String text) {
        if (parts.size() <= 1) {
            field(out, label, text);
            return;
        }
        boolean first = true;
        for (String p : parts) {
            wrap(out, first ? String.format("%-12s", label) : " ".repeat(12), p);
            first = false;
        }
    }

    /** The rules fired, each with its id and name, then its legal basis and source, wrapped at 100 columns. */
    static void printRules(PrintWriter out, java.util.List<io.shebao.trace.RuleFiring> rules) {
        for (io.shebao.trace.RuleFiring f : rules) {
            wrap(out, String.format("  %-10s ", f.id()), f.name());
            wrap(out, "             ", "legal basis: " + f.legalBasis() + "; source: " + f.source());
        }
    }

    static void wrap(PrintWriter out, String prefix, String text) {
        TerminalText.wrap(out, prefix, Table.width(prefix), text);
    }

    static String clip(String s, int width) {
        if (Table.width(s) <= width) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int w = 0;
        for (int k = 0; k < s.length(); k++) {
            int cw = Table.width(String.valueOf(s.charAt(k)));
            if (w + cw > width - 1) {
                break;
            }
            b.append(s.charAt(k));
            w += cw;
        }
        return b + "…";
    }
}
