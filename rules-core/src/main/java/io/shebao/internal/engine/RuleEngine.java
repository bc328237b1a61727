package io.shebao.internal.engine;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.internal.facts.Param;
import io.shebao.trace.RuleFiring;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One compiled rule base (a {@code kbase} of the catalogue's {@code kmodule.xml}) with a pool of sessions.
 * Built once per JVM from the executable model found on the class path; thread-safe. Each evaluation
 * collects its own trace: nothing mutable is shared between calls.
 */
public final class RuleEngine {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RuleEngine.class);
    private static final Map<String, RuleEngine> LOADED = new ConcurrentHashMap<>();

    private final KieBase kbase;
    private final KieSessionsPool pool;
    /**
     * The firing of each rule of this rule base, made once: reading a rule's metadata map, building the record
     * and interning it on every firing was most of the trace's cost (docs/PERFORMANCE.md, "Issue 13, stop 15").
     * The very instance {@link RuleFiring#interned()} gives; a rule base has a fixed set of rules.
     */
    private final Map<Rule, RuleFiring> firings = new ConcurrentHashMap<>();

    private RuleEngine(KieBase kbase) {
        this.kbase = kbase;
        this.pool = kbase.newKieSessionsPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /** The rule base of the given name, built on first use. */
    public static RuleEngine forKieBase(String name) {
        return LOADED.computeIfAbsent(name, RuleEngine::build);
    }

    /**
     * Starts building the rule base of the given name on a daemon thread and returns at once: a command that
     * knows which rule base it will need can parse its options and load its parameters meanwhile, on the
     * second core (start-up of one-question commands). A failure is left to the real call to report.
     */
    public static void prepareInBackground(String name) {
        Thread t = new Thread(() -> {
            try {
                forKieBase(name);
            } catch (RuntimeException e) {
                LOG.debug("rule base {} not prepared in the background: {}", name, e.toString());
            }
        }, "shebao-prepare-" + name);
        t.setDaemon(true);
        t.start();
    }

    private static RuleEngine build(String name) {
        try {
            long t0 = System.nanoTime();
            ClassLoader loader = RuleEngine.class.getClassLoader();
            KieBase kb = ExecutableModels.kieBase(name, loader).orElseGet(() -> {
                KieContainer c = KieServices.get().getKieClasspathContainer(loader);
                return c.getKieBase(name);
            });
            RuleEngine e = new RuleEngine(kb);
            LOG.debug("rule base {} loaded: {} rules in {} ms", name, e.ruleCount(), (System.nanoTime() - t0) / 1_000_000);
            return e;
        } catch (RuntimeException e) {
            throw new ShebaoException(ErrorCode.RULES_UNAVAILABLE, null, name,
                    "rule base '" + name + "' is not on the class path: add rules-catalog as a dependency ("
                            + e.getMessage() + ")", e);
        }
    }

    /** Number of rules in the rule base. */
    public int ruleCount() {
        return kbase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }

    /** Every rule of the rule base with its metadata, as a firing would report it, sorted by id and name. */
    public List<RuleFiring> rules() {
        List<RuleFiring> out = new ArrayList<>();
        for (org.kie.api.definition.KiePackage p : kbase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                out.add(Evaluation.firing(r));
            }
        }
        out.sort(java.util.Comparator.comparing(RuleFiring::id).thenComparing(RuleFiring::name));
        return out;
    }

    /** Runs the rules over the facts and returns what fired and what was inserted. */
    public Evaluation execute(Collection<?> facts) {
        Evaluation ev = new Evaluation(firings);
        StatelessKieSession s = pool.newStatelessKieSession();
        s.addEventListener(ev.agendaListener());
        s.addEventListener(ev.runtimeListener());
        s.execute(facts);
        return ev;
    }

    /** What one execution did: the rules fired in order, the parameters each used, the facts inserted. */
    public static final class Evaluation {
        private final List<RuleFiring> fired = new ArrayList<>();
        private final List<Param> paramsUsed = new ArrayList<>();
        private final List<Object> inserted = new ArrayList<>();
        private final Map<Rule, RuleFiring> firings;

        private Evaluation(Map<Rule, RuleFiring> firings) {
            this.firings = firings;
        }

        public List<RuleFiring> fired() {
            return fired;
        }

        /** Parameter facts matched by fired rules, in order of first use, without repeats. */
        public List<Param> paramsUsed() {
            return paramsUsed;
        }

        public <T> List<T> inserted(Class<T> type) {
            List<T> out = new ArrayList<>();
            for (Object o : inserted) {
                if (type.isInstance(o)) {
                    out.add(type.cast(o));
                }
            }
            return out;
        }

        DefaultAgendaEventListener agendaListener() {
            return new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    Rule r = event.getMatch().getRule();
                    RuleFiring f = firings.get(r);
                    if (f == null) {
                        f = firing(r);
                        firings.putIfAbsent(r, f);
                    }
                    fired.add(f);
                    for (Object o : event.getMatch().getObjects()) {
                        if (o instanceof Collection<?> c) { // params gathered with `from collect(...)`
                            c.forEach(this::use);
                        } else {
                            use(o);
                        }
                    }
                }

                private void use(Object o) {
                    if (o instanceof Param p) {
                        for (Param q : paramsUsed) { // by identity, as few as a dozen: a loop, not a stream
                            if (q == p) {
                                return;
                            }
                        }
                        paramsUsed.add(p);
                    }
                }
            };
        }

        DefaultRuleRuntimeEventListener runtimeListener() {
            return new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    inserted.add(event.getObject());
                }
            };
        }

        static RuleFiring firing(Rule r) {
            Map<String, Object> md = r.getMetaData();
            return new RuleFiring(meta(md, "id", r.getName()), r.getName(), meta(md, "legalBasis", ""),
                    meta(md, "source", "")).interned();
        }

        private static String meta(Map<String, Object> md, String key, String dflt) {
            Object v = md.get(key);
            if (v == null) {
                return dflt;
            }
            String s = v.toString();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1);
            }
            return s;
        }
    }
}
