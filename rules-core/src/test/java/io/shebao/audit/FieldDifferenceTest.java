package io.shebao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FieldDifferenceTest {
    private static JsonNode json(String s) throws Exception {
        return new ObjectMapper().readTree(s);
    }

    @Test
    void listsEveryDifferingLeafByJsonPointer() throws Exception {
        JsonNode a = json("{\"lines\":[{\"employer\":\"24.15\"},{\"employer\":\"6.90\"}],\"totals\":{\"total\":\"869.40\"},\"x/y\":1}");
        JsonNode b = json("{\"lines\":[{\"employer\":\"27.60\"}],\"totals\":{\"total\":\"872.85\"},\"x/y\":1,\"new\":true}");
        assertEquals(List.of(
                new FieldDifference("/result/lines/0/employer", "24.15", "27.60"),
                new FieldDifference("/result/lines/1", "{\"employer\":\"6.90\"}", FieldDifference.ABSENT),
                new FieldDifference("/result/totals/total", "869.40", "872.85"),
                new FieldDifference("/result/new", FieldDifference.ABSENT, "true")), FieldDifference.between(a, b, "/result"));
    }

    @Test
    void sameTreesHaveNoDifferenceAndPathsAreEscaped() throws Exception {
        assertEquals(List.of(), FieldDifference.between(json("{\"a\":[1,2]}"), json("{\"a\":[1,2]}"), ""));
        FieldDifference d = FieldDifference.between(json("{\"a/b\":1}"), json("{\"a/b\":2}"), "").get(0);
        assertEquals("/a~1b", d.path());
        assertEquals(List.of("a/b"), d.segments());
    }

    @Test
    void anElementInsertedAtTheTopIsOneAdditionNotAShiftOfEveryElement() throws Exception {
        JsonNode a = json("{\"notes\":[{\"code\":\"A\"},{\"code\":\"B\"}]}");
        JsonNode b = json("{\"notes\":[{\"code\":\"NEW\"},{\"code\":\"A\"},{\"code\":\"B\"}]}");
        assertEquals(List.of(new FieldDifference("/notes/0", FieldDifference.ABSENT, "{\"code\":\"NEW\"}")),
                FieldDifference.between(a, b, ""));
        JsonNode c = json("{\"notes\":[{\"code\":\"A\"}]}");
        assertEquals(List.of(new FieldDifference("/notes/1", "{\"code\":\"B\"}", FieldDifference.ABSENT)),
                FieldDifference.between(a, c, ""));
    }
}
