package io.shebao.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * How the service listens (服务配置): loopback by default, a request-size limit, an idle timeout and a bounded
 * worker pool with a bounded queue.
 *
 * @param port            0 = any free port (the bound port is printed and returned by {@link ShebaoServer#port()})
 * @param maxRequestBytes larger bodies are refused with 413
 * @param idleTimeout     a connection that sends nothing for this long is closed (slow or stuck clients)
 * @param workers         the most requests evaluated at once
 * @param queue           requests waiting for a worker beyond which new ones are refused
 */
public record ServerConfig(String host, int port, long maxRequestBytes, Duration idleTimeout, int workers, int queue) {
    public static final String LOOPBACK = "127.0.0.1";

    public ServerConfig {
        Objects.requireNonNull(host);
        Objects.requireNonNull(idleTimeout);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (workers < 1 || queue < 1 || maxRequestBytes < 1) {
            throw new IllegalArgumentException("workers, queue and maxRequestBytes must be ≥ 1");
        }
    }

    /** 127.0.0.1:8080, 64 KiB bodies, 30 s idle timeout, 16 workers, 256 queued. */
    public static ServerConfig defaults() {
        return new ServerConfig(LOOPBACK, 8080, 64 * 1024, Duration.ofSeconds(30), 16, 256);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, maxRequestBytes, idleTimeout, workers, queue);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, maxRequestBytes, idleTimeout, workers, queue);
    }

    public ServerConfig withWorkers(int w) {
        return new ServerConfig(host, port, maxRequestBytes, idleTimeout, w, queue);
    }

    /** True when the host only accepts connections from this machine. */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
