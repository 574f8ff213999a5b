package org.galley.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A container healthcheck that needs nothing but the JVM the service already runs on (the
 * {@code eclipse-temurin} JRE images promise no curl or wget): asks this container's {@link OperationsServer}
 * for {@code /healthz/live}, prints the answer and exits 0 when the service is live, 1 otherwise: a
 * container healthcheck restarts (or marks unhealthy) what it fails, so it asks live, not ready; a service that
 * is rebalancing or replaying is working and must not be killed for it. It reads the same
 * {@code GALLEY_OPS_*} variables as the server.
 */
public final class HealthProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HealthProbe() {
    }

    public static void main(String[] args) {
        System.exit(check(ServiceConfig.fromEnvironment()) ? 0 : 1);
    }

    static boolean check(ServiceConfig config) {
        int port = OperationsServer.port(config);
        if (!config.getBoolean("GALLEY_OPS_ENABLED", true) || port == 0) {
            System.err.println("No operations port to probe: GALLEY_OPS_ENABLED=false or GALLEY_OPS_PORT=0");
            return false;
        }
        return check(URI.create("http://" + probeHost(OperationsServer.host(config)) + ":" + port
                + OperationsServer.LIVE_PATH));
    }

    static boolean check(URI health) {
        try {
            HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
            connection.setConnectTimeout((int) TIMEOUT.toMillis());
            connection.setReadTimeout((int) TIMEOUT.toMillis());
            int status = connection.getResponseCode();
            try (InputStream body = status == 200 ? connection.getInputStream() : connection.getErrorStream()) {
                System.out.println(status + " " + (body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            } finally {
                connection.disconnect();
            }
            return status == 200;
        } catch (IOException e) {
            System.err.println(health + " did not answer: " + e);
            return false;
        }
    }

    /** A server listening on every interface is reached on loopback; one bound to an address, there. */
    private static String probeHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("::")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
