package org.galley.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.galley.ingest.storyfile.StoryFileParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./galley submit FILE.md…}: posts story files to a running ingest ({@code POST /v1/articles}, as
 * {@code text/markdown}) and prints one line per file with what became of it, following each story's status
 * ({@code GET /v1/articles/{id}}) until it is published, rejected (also as a duplicate or stale revision) or
 * failed in a later stage. Exits 0 when every story was published, 2 when any was rejected, 1 when any failed
 * in a later stage (enrich, render) or ingest could not be reached or did not answer in time.
 *
 * <p>With {@code --preview} each story is submitted as a preview ({@code POST /v1/articles?preview=true}): it is
 * enriched and rendered to a page at an unguessable address and never published. The command waits until the
 * status names that address for this revision ({@code preview.url}) and, when it knows the site
 * ({@code --site} or {@code GALLEY_SITE_URL}), until the site serves the page; then it prints the address.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit story files to a running Galley and report what became of each.")
final class SubmitCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "FILE.md", arity = "1..*", description = "Story files (Markdown with YAML front matter).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--ingest", paramLabel = "URL", defaultValue = "${env:GALLEY_INGEST_URL:-http://localhost:8082}",
            description = "Ingest's base URL (default: ${DEFAULT-VALUE}, or GALLEY_INGEST_URL).")
    String ingest;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:GALLEY_INGEST_TOKEN}",
            description = "Bearer token, when ingest requires one (default: GALLEY_INGEST_TOKEN).")
    String token;

    @Option(names = "--preview", description = "Submit each story as a preview: rendered to a page at a secret "
            + "address, listed nowhere and never published; print that address.")
    boolean preview;

    @Option(names = "--site", paramLabel = "URL", defaultValue = "${env:GALLEY_SITE_URL}",
            description = "The site's base URL (`./galley up`: http://localhost:8080; default: GALLEY_SITE_URL). "
                    + "With --preview, the address is printed once the site serves the page there.")
    String site;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to follow each story before giving up (default: ${DEFAULT-VALUE}).")
    long waitSeconds;

    private final PrintStream console;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SubmitCommand() {
        this(System.out);
    }

    SubmitCommand(PrintStream console) {
        this.console = console;
    }

    /** What became of one file. */
    enum Result { PUBLISHED, PREVIEWED, REJECTED, FAILED }

    @Override
    public Integer call() {
        List<Result> results = new ArrayList<>();
        for (Path file : files) {
            Result result = submit(file);
            results.add(result);
            if (result == Result.FAILED && !reachable()) {
                console.println("Ingest does not answer at " + ingest + ": is `./galley up` running?");
                return UpCommand.FAILED;
            }
        }
        if (results.contains(Result.FAILED)) {
            return UpCommand.FAILED;
        }
        return results.contains(Result.REJECTED) ? UpCommand.SOME_REJECTED : UpCommand.ALL_PUBLISHED;
    }

    private Result submit(Path file) {
        String name = file.getFileName().toString();
        try {
            String id = StoryFileParser.idFromFileName(name);
            HttpResponse<String> response = http.send(authorized(HttpRequest.newBuilder(
                            URI.create(ingest + "/v1/articles?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                                    + (preview ? "&preview=true" : ""))))
                            .header("Content-Type", "text/markdown; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = readJson(response.body());
            if (response.statusCode() != 202) {
                print("✗", "rejected", name, problemText(response.statusCode(), body));
                return Result.REJECTED;
            }
            if (preview && body.path("previewUrl").asText("").isEmpty()) {
                // An ingest that does not know previews takes the story as a story: say so rather than wait.
                print("!", "failed", name, "ingest did not take it as a preview (no previewUrl in its answer)");
                return Result.FAILED;
            }
            return follow(name, body.path("articleId").asText(id), body.path("revision").asLong(),
                    body.path("statusUrl").asText("/v1/articles/" + id));
        } catch (IOException e) {
            print("!", "failed", name, e instanceof ConnectException ? "cannot connect to " + ingest : e.getMessage());
            return Result.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.FAILED;
        }
    }

    /**
     * Polls the story's status until this revision (or a later one) is published, taken down, rejected, or
     * scheduled (held until its time, which may be days away, so not waited for).
     */
    private Result follow(String name, String id, long revision, String statusPath) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(waitSeconds);
        String lastState = "submitted";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(
                    authorized(HttpRequest.newBuilder(URI.create(ingest + statusPath))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode status = readJson(response.body());
                lastState = status.path("state").asText(lastState);
                boolean thisRevision = status.path("revision").asLong() >= revision;
                if (refused(status, revision)) {
                    print("✗", "rejected", name, "revision " + revision + " was refused: revision "
                            + status.path("acceptedRevision").asText("?") + " is the newest accepted");
                    return Result.REJECTED;
                }
                String previewUrl = previewOf(status, revision);
                if (preview && previewUrl != null) {
                    return showPreview(name, previewUrl, deadline);
                }
                if (preview && !lastState.equals("rejected") && !lastState.equals("failed")) {
                    // The state is the story's live one, not the preview's: only rejected and failed end a preview.
                    Thread.sleep(200);
                    continue;
                }
                if (thisRevision && lastState.equals("published")) {
                    print("✓", "published", name, status.path("url").asText());
                    return Result.PUBLISHED;
                }
                if (thisRevision && lastState.equals("scheduled")) {
                    print("⏲", "scheduled", name, "goes out at " + status.path("releaseAt").asText("its time"));
                    return Result.PUBLISHED;
                }
                if (thisRevision && lastState.equals("cancelled")) {
                    print("-", "cancelled", name, id + " was taken down before its time");
                    return Result.PUBLISHED;
                }
                if (thisRevision && lastState.equals("unpublished")) {
                    print("-", "unpublished", name, id);
                    return Result.PUBLISHED;
                }
                if (thisRevision && lastState.equals("rejected")) {
                    print("✗", "rejected", name, reasonsText(status.path("reasons")));
                    return Result.REJECTED;
                }
                if (thisRevision && lastState.equals("failed")) {
                    print("!", "failed", name, "in " + status.path("stage").asText("a later stage") + ": "
                            + reasonsText(status.path("reasons")));
                    return Result.FAILED;
                }
            }
            Thread.sleep(200);
        }
        print("?", lastState, name, (preview ? "no preview" : "not published") + " within " + waitSeconds
                + " s (revision " + revision + ")");
        return Result.FAILED;
    }

    /** The preview's address when the status has one for this revision or a later one, else null. */
    private static String previewOf(JsonNode status, long revision) {
        JsonNode shown = status.path("preview");
        String url = shown.path("url").asText("");
        return url.isEmpty() || shown.path("revision").asLong(revision) < revision ? null : url;
    }

    /**
     * Prints the preview's address once the site serves it (at once when the site is not known); a page the site
     * does not serve in time is reported with its address.
     */
    private Result showPreview(String name, String url, Instant deadline) throws InterruptedException {
        if (site == null || site.isBlank()) {
            print("👁", "preview", name, url);
            return Result.PREVIEWED;
        }
        URI page;
        try {
            page = onSite(url);
        } catch (IllegalArgumentException e) {
            print("?", "preview", name, url + " (not an address the site can be asked for)");
            return Result.PREVIEWED;
        }
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    print("👁", "preview", name, url);
                    return Result.PREVIEWED;
                }
            } catch (IOException e) {
                // The site may be restarting; ask again until the deadline.
            }
            Thread.sleep(200);
        }
        print("?", "preview", name, url + " not served at " + page + " within " + waitSeconds + " s");
        return Result.FAILED;
    }

    /** The preview's page on {@code --site}: the address's path (and query) below the site's base URL. */
    private URI onSite(String url) {
        URI address = URI.create(url);
        String path = address.getRawPath() == null || address.getRawPath().isEmpty() ? "/" : address.getRawPath();
        String base = site.endsWith("/") ? site.substring(0, site.length() - 1) : site;
        return URI.create(base + (path.startsWith("/") ? path : "/" + path)
                + (address.getRawQuery() == null ? "" : "?" + address.getRawQuery()));
    }

    /**
     * Whether ingest refused this revision as a duplicate or stale: the story keeps its state, and the last
     * change its history shows for the revision is a rejection while the state is about another change.
     */
    private static boolean refused(JsonNode status, long revision) {
        JsonNode last = null;
        for (JsonNode change : status.path("history")) {
            if (change.path("revision").asLong(-1) == revision) {
                last = change;
            }
        }
        boolean stateIsAboutIt = status.path("revision").asLong(-1) == revision
                && status.path("state").asText().equals("rejected");
        return last != null && last.path("state").asText().equals("rejected") && !stateIsAboutIt;
    }

    private boolean reachable() {
        try {
            http.send(HttpRequest.newBuilder(URI.create(ingest + "/v1/healthz")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30));
        return token == null || token.isBlank() ? request : request.header("Authorization", "Bearer " + token);
    }

    private void print(String mark, String outcome, String file, String detail) {
        console.println(String.format("  %s  %-11s  %-36s %s", mark, outcome, file, detail));
    }

    private static String problemText(int status, JsonNode problem) {
        String text = status + " " + problem.path("title").asText("") + ": " + problem.path("detail").asText("");
        String reasons = reasonsText(problem.path("errors"));
        return reasons.isEmpty() ? text : text + " " + reasons;
    }

    private static String reasonsText(JsonNode reasons) {
        List<String> parts = new ArrayList<>();
        for (JsonNode reason : reasons) {
            parts.add(reason.path("field").asText() + ": " + reason.path("message").asText());
        }
        return String.join("; ", parts);
    }

    private static JsonNode readJson(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode().put("detail", body);
        }
    }
}
