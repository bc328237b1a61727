package io.shebao.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shebao.ShebaoRules;
import io.shebao.audit.AuditKeys;
import io.shebao.audit.FieldDifference;
import io.shebao.audit.ParameterChange;
import io.shebao.audit.ReplayOutcome;
import io.shebao.audit.ReplayStatus;
import io.shebao.audit.ReplayTally;
import io.shebao.audit.VerifyingKey;
import io.shebao.internal.json.Json;
import io.shebao.internal.json.ReplayJson;
import io.shebao.trace.ParameterUse;
import io.shebao.trace.RuleFiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.shebao.batch.ReplayRunner;
import java.io.InputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.List;
import java.util.ArrayList;
import io.shebao.scenario.Scenario;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Recompute every audit record of a JSONL file with today's rules and compare (重放审计记录).",
                "Each record is identical, changed-hash-only (same answer, different rule-set or parameter hash), "
                        + "different (each differing field with its JSON path, old and new value, and the rules and "
                        + "parameters that account for it) or invalid (unreadable, digest or signature fails).",
                "Exit 0 all identical or changed-hash-only, 1 any different, 2 any invalid.",
                "Example: shebao replay audit.jsonl --verify-key keys/shebao-audit.pub"})
final class ReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Common common;

    @Parameters(index = "0", paramLabel = "FILE", description = "Audit records, one JSON line each (from --audit-out).")
    Path file;

    @Option(names = "--verify-key", paramLabel = "FILE",
            description = "Ed25519 public key (shebao-audit.pub): every record must carry a signature by it.")
    Path verifyKey;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "A scenario file a record was made under (repeatable); records naming it by hash are replayed under it.")
    List<Path> scenarioFiles = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--per-record",
            description = "Recompute each contribution with the rules instead of once per decision context (same verdicts, slower).")
    boolean perRecord;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw CliException.badInput("FILE", file.toString(), "an audit file (JSONL, from --audit-out) that exists");
        }
        Optional<VerifyingKey> key = Optional.ofNullable(verifyKey).map(AuditKeys::readVerifyingKey);
        ShebaoRules rules = common.rules();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = common.format == Common.Format.json;
        if (threads < 1) {
            throw CliException.badInput("--threads", String.valueOf(threads), "a number of threads ≥ 1");
        }
        Set<String> notesShown = new HashSet<>();
        ReplayTally tally;
        try (InputStream r = Files.newInputStream(file)) {
            List<Scenario> available = new ArrayList<>();
            for (Path f : scenarioFiles) {
                available.add(ScenarioOptions.read(rules, "--scenario", f));
            }
            ReplayRunner runner = ReplayRunner.builder(rules.audit().withScenarios(available)).verifyingKey(key)
                    .threads(threads).planned(!perRecord).progress(ProgressBar.onTerminal(err, Files.size(file))).build();
            tally = runner.run(r, o -> {
                if (json) {
                    out.println(Json.write(json(o), false));
                } else {
                    printTable(out, o, notesShown);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new CliException(2, "FILE: '" + file + "' cannot be read: " + e.getMessage());
        }
        if (json) {
            out.println(Json.write(Json.object().put("summary", tally.summary()).put("replayed", tally.replayed())
                    .put("identical", tally.count(ReplayStatus.IDENTICAL))
                    .put("changedHashOnly", tally.count(ReplayStatus.CHANGED_HASH_ONLY))
                    .put("different", tally.count(ReplayStatus.DIFFERENT))
                    .put("invalid", tally.count(ReplayStatus.INVALID)).put("exitCode", tally.exitCode()), false));
        } else {
            out.println(tally.summary());
        }
        out.flush();
        return tally.exitCode();
    }

    /** Identical records print nothing (a file may hold millions); notes print once each. */
    static void printTable(PrintWriter out, ReplayOutcome o, Set<String> notesShown) {
        for (String n : o.notes()) {
            if (notesShown.add(n)) {
                out.println("note: " + n);
            }
        }
        if (o.status() == ReplayStatus.IDENTICAL) {
            return;
        }
        out.println("line " + o.line() + ": " + o.status().code() + (o.subject().isEmpty() ? "" : "  " + o.subject()));
        for (String p : o.problems()) {
            out.println("  " + p);
        }
        if (!o.differences().isEmpty()) {
            out.println(o.status() == ReplayStatus.INVALID ? "  recorded vs recomputed:" : "  differences (recorded → recomputed):");
            for (FieldDifference d : o.differences()) {
                out.println("    " + d.path() + ": " + d.before() + " → " + d.after());
            }
        }
        if (o.status() != ReplayStatus.IDENTICAL && !o.differences().isEmpty()) {
            for (RuleFiring f : o.rules()) {
                out.println("  rule " + f.id() + " " + f.name() + " [" + f.legalBasis() + "]");
            }
        }
        for (ParameterChange c : o.parameterChanges()) {
            out.println("  parameter " + c.qualifiedId() + ": " + c.before().map(ReplayCommand::use).orElse("(not used)")
                    + " → " + c.after().map(ReplayCommand::use).orElse("(not used)"));
        }
    }

    private static String use(ParameterUse u) {
        return u.value() + " (" + u.region() + ", " + u.validity().strip() + ", " + u.provenance()
                + (u.pack().equals("bundled") ? "" : ", pack " + u.pack()) + ": " + u.reference() + ")";
    }

    static ObjectNode json(ReplayOutcome o) {
        return ReplayJson.outcome(o);
    }
}
