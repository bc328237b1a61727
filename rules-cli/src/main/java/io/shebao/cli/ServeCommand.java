package io.shebao.cli;

import io.shebao.ShebaoRules;
import io.shebao.server.ServerConfig;
import io.shebao.server.ShebaoServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the rules as JSON over HTTP (接口服务, docs/SERVE.md): POST /contribution, /retirement, "
                + "/certificate, /services/{code}/check, /whatif/…, /explain, /replay; GET /parameters, /parameters/{id}, "
                + "/regions, /coverage, /health, /openapi.json.",
                "Answers are the CLI's --format json, byte for byte; errors are one line {code, field, value, message}.",
                "Listens on loopback only unless --host says otherwise; stop with Ctrl-C.",
                "Example: shebao serve --port 8080"})
final class ServeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions options;

    @Option(names = "--host", defaultValue = ServerConfig.LOOPBACK, paramLabel = "HOST",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 = every interface, no authentication).")
    String host;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "Port (default ${DEFAULT-VALUE}; 0 = any free port, printed at start).")
    int port;

    @Option(names = "--workers", defaultValue = "16", paramLabel = "N",
            description = "Requests evaluated at once (default ${DEFAULT-VALUE}); more wait in a bounded queue.")
    int workers;

    @Override
    public void run() {
        if (port < 0 || port > 65535) {
            throw CliException.badInput("--port", String.valueOf(port), "a port 0 to 65535 (0 = any free port)");
        }
        if (workers < 1 || workers > 512) {
            throw CliException.badInput("--workers", String.valueOf(workers), "1 to 512");
        }
        ShebaoRules rules = options.rules();
        ServerConfig config = ServerConfig.defaults().withHost(host).withPort(port).withWorkers(workers);
        ShebaoServer server = ShebaoServer.start(rules, config);
        PrintWriter out = spec.commandLine().getOut();
        out.println("shebao " + ShebaoRules.version() + " serving on http://" + host + ":" + server.port()
                + (config.loopbackOnly() ? " (this machine only)" : " (reachable from other machines: no authentication)"));
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
