package io.shebao.server;

import io.shebao.ShebaoRules;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** 8 clients × 500 requests at once give, request for request, the answers of sequential calls. */
class ConcurrentCallsTest {
    private static final int CLIENTS = 8;
    private static final int REQUESTS = 500;

    /** Varied questions: regions, months, wages across floor and ceiling, some errors. */
    static String body(int i) {
        if (i % 10 == 9) {
            return "{\"sex\":\"" + (i % 20 == 9 ? "male" : "female") + "\",\"birthMonth\":\"" + (1960 + i % 15) + "-0" + (1 + i % 9)
                    + "\",\"category\":\"" + (i % 20 == 9 ? "male" : "female-worker") + "\",\"contributionMonths\":" + (100 + i % 150)
                    + ",\"asOf\":\"2026-11-01\"}";
        }
        if (i % 50 == 7) {
            return "{\"region\":\"yichang\",\"period\":\"2023-05\",\"wage\":\"-" + i + "\"}";
        }
        if (i % 3 == 0) { // a base already declared: any month the rates are known (hubei 2016–2025)
            return "{\"region\":\"hubei\",\"period\":\"" + (2016 + i % 10) + "-" + month(i) + "\",\"base\":\""
                    + (2000 + (i * 37) % 20000) + "." + (i % 100) + "\",\"insurances\":[\"pension\",\"unemployment\"]}";
        }
        // a declared wage, clamped to the limits of a year they are known for
        String[] known = {"yichang\",\"period\":\"2023-0" + (1 + i % 6), "yichang\",\"period\":\"2022-" + (7 + i % 6),
                "wuhan\",\"period\":\"2025-08", "xiantao\",\"period\":\"2025-10"};
        return "{\"region\":\"" + known[i % known.length].replace("2022-7", "2022-07").replace("2022-8", "2022-08")
                .replace("2022-9", "2022-09") + "\",\"wage\":" + (1000 + (i * 137) % 30000) + ".5,\"riskClass\":" + (1 + i % 8) + "}";
    }

    private static String month(int i) {
        return String.format("%02d", 1 + i % 12);
    }

    static String path(int i) {
        return i % 10 == 9 ? "/retirement" : "/contribution";
    }

    @Test
    void concurrentAnswersEqualSequentialOnes() throws Exception {
        try (ShebaoServer server = ShebaoServer.start(ShebaoRules.load(), ServerConfig.defaults().withPort(0).withWorkers(8))) {
            HttpClient client = HttpClient.newHttpClient();
            int distinct = CLIENTS * REQUESTS;
            List<String> sequential = new ArrayList<>();
            for (int i = 0; i < distinct; i++) {
                sequential.add(send(client, server.port(), i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<List<String>>> fs = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client0 = c;
                    fs.add(pool.submit(() -> {
                        HttpClient own = HttpClient.newHttpClient();
                        List<String> out = new ArrayList<>();
                        for (int k = 0; k < REQUESTS; k++) {
                            out.add(send(own, server.port(), client0 * REQUESTS + k));
                        }
                        return out;
                    }));
                }
                for (int c = 0; c < CLIENTS; c++) {
                    List<String> got = fs.get(c).get();
                    for (int k = 0; k < REQUESTS; k++) {
                        assertEquals(sequential.get(c * REQUESTS + k), got.get(k), "request " + (c * REQUESTS + k));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            // the questions really differ: not one answer repeated 4000 times
            long distinctAnswers = sequential.stream().distinct().count();
            java.util.Map<String, Long> statuses = sequential.stream().collect(java.util.stream.Collectors.groupingBy(
                    a -> a.substring(0, 3), java.util.TreeMap::new, java.util.stream.Collectors.counting()));
            assertEquals(true, distinctAnswers > 1000 && statuses.getOrDefault("200", 0L) > 3000,
                    () -> distinctAnswers + " distinct answers, statuses " + statuses + ", e.g. " + sequential.get(0).substring(0, 200));
        }
    }

    private static String send(HttpClient client, int port, int i) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path(i)))
                .POST(HttpRequest.BodyPublishers.ofString(body(i))).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + " " + r.body();
    }
}
