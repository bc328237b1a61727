package io.shebao.internal.engine;

import org.drools.model.Model;
import org.drools.model.Rule;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of a package reach the rule base in an order that does not depend on how the kie-maven-plugin
 * happened to list them (the file system's order of the DRL files): two builds of the same sources give the
 * same firing order, so an audit record replays identical under either.
 */
class ExecutableModelsOrderTest {
    @Test
    void everyGeneratedModelGivesTheSameOrderHoweverItsRulesAreListed() throws Exception {
        List<Model> models = generatedModels();
        assertFalse(models.isEmpty(), "no executable model on the class path");
        for (Model m : models) {
            List<String> asGenerated = names(ExecutableModels.inRuleOrder(m));
            List<Rule> reversed = new ArrayList<>(m.getRules());
            Collections.reverse(reversed);
            List<Rule> shuffled = new ArrayList<>(m.getRules());
            Collections.shuffle(shuffled, new java.util.Random(m.getRules().size()));
            assertEquals(asGenerated, names(ExecutableModels.inRuleOrder(ExecutableModels.withRules(m, reversed))), m.getPackageName());
            assertEquals(asGenerated, names(ExecutableModels.inRuleOrder(ExecutableModels.withRules(m, shuffled))), m.getPackageName());
            assertEquals(m.getRules().size(), asGenerated.size());
        }
    }

    @Test
    void theOrderIsByIdThenName() throws Exception {
        for (Model m : generatedModels()) {
            List<Rule> rules = ExecutableModels.inRuleOrder(m).getRules();
            for (int i = 1; i < rules.size(); i++) {
                String a = String.valueOf(rules.get(i - 1).getMetaData("id"));
                String b = String.valueOf(rules.get(i).getMetaData("id"));
                assertTrue(a.compareTo(b) < 0 || a.equals(b) && rules.get(i - 1).getName().compareTo(rules.get(i).getName()) < 0,
                        m.getPackageName() + ": " + rules.get(i - 1).getName() + " before " + rules.get(i).getName());
            }
        }
    }

    private static List<String> names(Model m) {
        return m.getRules().stream().map(Rule::getName).toList();
    }

    private static List<Model> generatedModels() throws Exception {
        ClassLoader loader = ExecutableModelsOrderTest.class.getClassLoader();
        List<Model> out = new ArrayList<>();
        var urls = loader.getResources("META-INF/kie/io.shebao/rules-catalog/drools-model");
        while (urls.hasMoreElements()) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(urls.nextElement().openStream(), StandardCharsets.UTF_8))) {
                for (String line : r.lines().toList()) {
                    if (!line.isBlank() && !line.contains(":")) {
                        out.add((Model) Class.forName(line.trim(), true, loader).getDeclaredConstructor().newInstance());
                    }
                }
            }
        }
        return out;
    }
}
