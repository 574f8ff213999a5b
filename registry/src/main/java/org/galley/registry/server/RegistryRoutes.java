package org.galley.registry.server;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.galley.registry.RegistryException;
import org.galley.registry.server.ApiJson.CompatibilityReply;
import org.galley.registry.server.ApiJson.IdReply;
import org.galley.registry.server.ApiJson.LevelBody;
import org.galley.registry.server.ApiJson.LevelReply;
import org.galley.registry.server.ApiJson.LevelUpdate;
import org.galley.registry.server.ApiJson.RawJson;
import org.galley.registry.server.ApiJson.SchemaBody;
import org.galley.registry.server.ApiJson.SchemaReply;
import org.galley.registry.server.ApiJson.SubjectVersion;
import org.galley.registry.server.ApiJson.VersionReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confluent Schema Registry's REST API (the AVRO part) mapped onto a {@link SchemaStore}: takes an
 * {@link ApiRequest}, answers an {@link ApiReply} with Confluent's status, JSON body and error codes.
 * Knows nothing of sockets; {@link RegistryHttpHandler} carries it over HTTP.
 */
final class RegistryRoutes {

    /** The answer to a failure that is the registry's own: Confluent's 50001 with no detail (the log has it). */
    static final ApiReply INTERNAL_ERROR = ApiReply.error(500, 50001, "Internal error in the schema registry");

    private static final Logger LOG = LoggerFactory.getLogger(RegistryRoutes.class);

    private final SchemaStore store;
    private final List<Route> routes;

    RegistryRoutes(SchemaStore store) {
        this.store = store;
        this.routes = List.of(
                new Route("GET", "", call -> Map.of()),
                new Route("GET", "schemas/types", call -> List.of("AVRO")),
                new Route("GET", "schemas/ids/{id}", call -> new SchemaReply(store.schemaById(call.id()).toString())),
                new Route("GET", "schemas/ids/{id}/schema", call -> new RawJson(store.schemaById(call.id()).toString())),
                new Route("GET", "schemas/ids/{id}/versions", call -> store.usesOf(call.id()).stream()
                        .map(use -> new SubjectVersion(use.subject(), use.version())).toList()),
                new Route("GET", "subjects", call -> store.subjects()),
                new Route("POST", "subjects/{subject}", call -> VersionReply.of(store.lookup(call.subject(), call.schema()))),
                new Route("DELETE", "subjects/{subject}", call -> store.deleteSubject(call.subject())),
                new Route("GET", "subjects/{subject}/versions", call -> store.versions(call.subject())),
                new Route("POST", "subjects/{subject}/versions", call -> new IdReply(store.register(call.subject(), call.schema()))),
                new Route("GET", "subjects/{subject}/versions/{version}",
                        call -> VersionReply.of(store.version(call.subject(), call.version()))),
                new Route("GET", "subjects/{subject}/versions/{version}/schema",
                        call -> new RawJson(store.version(call.subject(), call.version()).schema().toString())),
                new Route("DELETE", "subjects/{subject}/versions/{version}",
                        call -> store.deleteVersion(call.subject(), call.version())),
                new Route("POST", "compatibility/subjects/{subject}/versions",
                        call -> compatibility(call, store.compatibilityProblems(call.subject(), call.schema()))),
                new Route("POST", "compatibility/subjects/{subject}/versions/{version}",
                        call -> compatibility(call, store.compatibilityProblems(call.subject(), call.version(), call.schema()))),
                new Route("GET", "config", call -> new LevelReply(store.globalLevel().name())),
                new Route("PUT", "config", call -> {
                    CompatibilityLevel level = call.level();
                    store.globalLevel(level);
                    return new LevelUpdate(level.name());
                }),
                new Route("GET", "config/{subject}", this::subjectLevel),
                new Route("PUT", "config/{subject}", call -> {
                    CompatibilityLevel level = call.level();
                    store.subjectLevel(call.subject(), level);
                    return new LevelUpdate(level.name());
                }),
                new Route("DELETE", "config/{subject}",
                        call -> new LevelReply(store.deleteSubjectLevel(call.subject()).name())));
    }

    /** Answers one request; never throws. */
    ApiReply handle(ApiRequest request) {
        try {
            return route(request);
        } catch (RegistryException refused) {
            return ApiReply.error(refused.status(), refused.errorCode(), refused.getMessage());
        } catch (RuntimeException bug) {
            LOG.error("Registry request {} /{} failed", request.method(), String.join("/", request.path()), bug);
            return INTERNAL_ERROR;
        }
    }

    /** A version as written in a path: a number from 1 up, or "latest" (also -1) for the newest. */
    static int parseVersion(String version) {
        if ("latest".equalsIgnoreCase(version) || "-1".equals(version)) {
            return SchemaStore.LATEST;
        }
        try {
            int number = Integer.parseInt(version);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the registry's own error code
        }
        throw RegistryException.invalidVersion(version);
    }

    private ApiReply route(ApiRequest request) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(request.path());
            if (parameters.isPresent()) {
                pathKnown = true;
                if (route.method().equals(request.method())) {
                    return ApiReply.ok(route.action().apply(new Call(request, parameters.get())));
                }
            }
        }
        return pathKnown
                ? ApiReply.error(405, 405, "HTTP 405 Method Not Allowed")
                : ApiReply.error(404, 404, "HTTP 404 Not Found");
    }

    private Object subjectLevel(Call call) {
        Optional<CompatibilityLevel> own = store.subjectLevel(call.subject());
        if (own.isEmpty() && !call.request().flag("defaultToGlobal")) {
            throw RegistryException.subjectLevelNotConfigured(call.subject());
        }
        return new LevelReply(own.orElseGet(store::globalLevel).name());
    }

    private static CompatibilityReply compatibility(Call call, List<String> problems) {
        return new CompatibilityReply(problems.isEmpty(), call.request().flag("verbose") ? problems : null);
    }

    /** A method and a path pattern whose {named} segments match any single segment. */
    private record Route(String method, List<String> pattern, Function<Call, Object> action) {

        Route(String method, String pattern, Function<Call, Object> action) {
            this(method, pattern.isEmpty() ? List.of() : Arrays.asList(pattern.split("/")), action);
        }

        Optional<Map<String, String>> match(List<String> path) {
            if (path.size() != pattern.size()) {
                return Optional.empty();
            }
            Map<String, String> parameters = new HashMap<>();
            for (int i = 0; i < path.size(); i++) {
                String expected = pattern.get(i);
                if (expected.startsWith("{")) {
                    parameters.put(expected, path.get(i));
                } else if (!expected.equals(path.get(i))) {
                    return Optional.empty();
                }
            }
            return Optional.of(parameters);
        }
    }

    /** A matched request, reading its path parameters and body in the registry's terms. */
    private record Call(ApiRequest request, Map<String, String> parameters) {

        String subject() {
            return parameters.get("{subject}");
        }

        int version() {
            return parseVersion(parameters.get("{version}"));
        }

        int id() {
            String id = parameters.get("{id}");
            try {
                return Integer.parseInt(id);
            } catch (NumberFormatException notANumber) {
                throw new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND, "Schema '" + id + "' not found");
            }
        }

        Schema schema() {
            return ApiJson.read(request.body(), SchemaBody.class).avro();
        }

        CompatibilityLevel level() {
            return CompatibilityLevel.parse(ApiJson.read(request.body(), LevelBody.class).compatibility());
        }
    }
}
