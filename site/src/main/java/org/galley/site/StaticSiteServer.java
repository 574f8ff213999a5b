package org.galley.site;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.galley.runtime.GalleyService;

/**
 * Serves the site folder over HTTP for local use, as any static web server would: content types (the feeds'
 * own: {@code application/rss+xml}, {@code application/atom+xml}, {@code application/feed+json}), ETag and
 * Last-Modified with conditional GETs, {@code index.html} for folders, and nothing outside the folder.
 *
 * <p>It never serves the run's logs ({@code *.jsonl}: ids, sources and rejection reasons are the newsroom's,
 * not readers') nor a file being written ({@link SiteFolder} writes beside the target as {@code .galley-*.tmp},
 * then renames): those, and any other dot-file or {@code .tmp}, answer 404 as if absent. Every response carries
 * {@link #SECURITY_HEADERS}, and an error's body is a fixed text that names no path or exception. A preview
 * ({@code /preview/<token>/}) also carries {@link #PREVIEW_HEADERS}: its address is its only secret.
 */
public final class StaticSiteServer implements GalleyService {

    /**
     * The pages' own policy (a meta element: their one stylesheet by hash, images from the site or the web, no
     * script, nothing fetched) cannot say {@code frame-ancestors}, and feeds and icons have none, so every
     * response carries this one too. A browser enforces both, so a page's stylesheet is still held to its hash;
     * this one allows inline style because render's and the listings' stylesheets differ and it serves both.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' https: http:; "
            + "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "X-Frame-Options", "DENY");

    /**
     * For anything below {@code /preview/}: no search engine indexes it (should its address leak, and for what the
     * page's own meta element cannot cover), no cache keeps a draft, and no link out of it sends its address on.
     */
    public static final Map<String, String> PREVIEW_HEADERS = Map.of(
            "X-Robots-Tag", "noindex, nofollow",
            "Cache-Control", "no-store",
            "Referrer-Policy", "no-referrer");

    private static final String NOT_FOUND =
            "<!doctype html><html lang=\"en\"><title>Not found</title><p>Not found. <a href=\"/\">Home</a></p></html>";

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("xml", "application/xml; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"));

    // The site's feeds have registered types of their own; other .xml and .json files are plain XML and JSON.
    private static final Map<String, String> FEED_TYPES = Map.of(
            "feed.xml", "application/rss+xml; charset=utf-8",
            "atom.xml", "application/atom+xml; charset=utf-8",
            "feed.json", "application/feed+json; charset=utf-8");

    private final SiteFolder folder;
    private final String host;
    private final int requestedPort;
    private HttpServer server;

    public StaticSiteServer(SiteFolder folder, String host, int port) {
        this.folder = folder;
        this.host = host;
        this.requestedPort = port;
    }

    @Override
    public String name() {
        return "site-server";
    }

    @Override
    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(host, requestedPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot serve the site on " + host + ":" + requestedPort
                    + " (is the port in use?)", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The port actually bound (useful when 0 asked for a free one). */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public synchronized boolean isHealthy() {
        return server != null;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            SECURITY_HEADERS.forEach(exchange.getResponseHeaders()::set);
            if (isPreview(exchange.getRequestURI())) {
                PREVIEW_HEADERS.forEach(exchange.getResponseHeaders()::set);
            }
            try {
                serve(exchange);
            } catch (IOException | RuntimeException e) {
                // What went wrong stays here: the body names no path and no exception.
                failed(exchange);
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, "text/plain; charset=utf-8", "Method not allowed\n");
            return;
        }
        Path file = fileFor(exchange.getRequestURI());
        if (file == null || !servable(file) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/html; charset=utf-8", NOT_FOUND);
            return;
        }
        Instant modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
        String etag = "\"" + Long.toHexString(Files.size(file)) + "-" + Long.toHexString(modified.getEpochSecond()) + "\"";
        var headers = exchange.getResponseHeaders();
        headers.set("ETag", etag);
        headers.set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(modified, ZoneOffset.UTC)));
        headers.set("Content-Type", contentTypeOf(file));
        if (notModified(exchange, etag, modified)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        byte[] body = Files.readAllBytes(file);
        if (method.equals("HEAD")) {
            headers.set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void failed(HttpExchange exchange) {
        try {
            send(exchange, 500, "text/plain; charset=utf-8", "Internal error\n");
        } catch (IOException | RuntimeException e) {
            // The response had begun or the client left; closing the exchange is all that is left to do.
        }
    }

    private Path fileFor(URI uri) {
        String path = uri.getPath();
        try {
            Path file = folder.resolve(path);
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            return file;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isPreview(URI uri) {
        String path = uri.normalize().getPath();
        return path != null && Previews.isPreview(path);
    }

    /** Not a log, a file being written, or any other dot-file below the folder. */
    private boolean servable(Path file) {
        for (Path segment : folder.root().relativize(file)) {
            String name = segment.toString();
            if (name.startsWith(".")) {
                return false;
            }
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.endsWith(".jsonl") && !name.endsWith(".tmp");
    }

    private static boolean notModified(HttpExchange exchange, String etag, Instant modified) {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null) {
            return ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*");
        }
        String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        if (ifModifiedSince != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !modified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private static String contentTypeOf(Path file) {
        String name = file.getFileName().toString();
        String feedType = FEED_TYPES.get(name);
        if (feedType != null) {
            return feedType;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
