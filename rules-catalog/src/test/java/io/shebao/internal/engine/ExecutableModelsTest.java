package io.shebao.internal.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

import java.util.TreeMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start-up shortcut builds the same rule base as the KieContainer: same rules, same metadata. */
class ExecutableModelsTest {
    @ParameterizedTest
    @ValueSource(strings = {"contribution", "retirement", "certificate", "services"})
    void sameRulesAsTheContainer(String kbase) {
        ClassLoader loader = getClass().getClassLoader();
        KieBase direct = ExecutableModels.kieBase(kbase, loader).orElseThrow();
        KieBase container = KieServices.get().getKieClasspathContainer(loader).getKieBase(kbase);
        Map<String, Map<String, Object>> a = rules(direct);
        assertFalse(a.isEmpty());
        assertEquals(rules(container), a);
    }

    @org.junit.jupiter.api.Test
    void unknownKbaseFallsBackToTheContainer() {
        assertTrue(ExecutableModels.kieBase("no-such-kbase", getClass().getClassLoader()).isEmpty());
    }

    private static Map<String, Map<String, Object>> rules(KieBase kb) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (KiePackage p : kb.getKiePackages()) {
            for (Rule r : p.getRules()) {
                out.put(p.getName() + "/" + r.getName(), new TreeMap<>(r.getMetaData()));
            }
        }
        return out;
    }
}
