package org.galley.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A registry stand-in on the JDK's HTTP(S) server: answers the n-th request (from 1) with whatever the
 * test's script says, and records each request's path and Authorization header.
 */
final class StubRegistry implements AutoCloseable {

    /** One scripted answer. */
    record Reply(int status, String body) {

        static Reply schema(String avroSchemaJson) {
            return new Reply(200, "{\"schema\":" + quoted(avroSchemaJson) + "}");
        }

        static Reply error(int status, int errorCode) {
            return new Reply(status, "{\"error_code\":" + errorCode + ",\"message\":\"stub\"}");
        }

        private static String quoted(String json) {
            return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    private final HttpServer server;
    private final IntFunction<Reply> script;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    private StubRegistry(HttpServer server, IntFunction<Reply> script) {
        this.server = server;
        this.script = script;
        server.createContext("/", this::answer);
        server.start();
    }

    static StubRegistry http(IntFunction<Reply> script) {
        try {
            return new StubRegistry(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), script);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** An HTTPS stub; with {@code needClientCertificate} it asks every client for a certificate {@code tls} trusts. */
    static StubRegistry https(SSLContext tls, boolean needClientCertificate, IntFunction<Reply> script) {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls) {
                @Override
                public void configure(HttpsParameters parameters) {
                    SSLParameters ssl = tls.getDefaultSSLParameters();
                    ssl.setNeedClientAuth(needClientCertificate);
                    parameters.setSSLParameters(ssl);
                }
            });
            return new StubRegistry(server, script);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://localhost:" + server.getAddress().getPort();
    }

    int requests() {
        return paths.size();
    }

    List<String> paths() {
        return paths;
    }

    /** The Authorization header of each request, "" where there was none. */
    List<String> authorizations() {
        return authorizations;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(authorization == null ? "" : authorization);
            paths.add(exchange.getRequestURI().getPath());
            Reply reply = script.apply(paths.size());
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
