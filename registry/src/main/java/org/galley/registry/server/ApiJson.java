package org.galley.registry.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.galley.registry.RegisteredSchema;
import org.galley.registry.RegistryException;

/** The JSON bodies of Confluent's REST API that the embedded registry reads and writes. */
final class ApiJson {

    /** Reads and writes the bodies; unknown request fields (metadata, ruleSet, …) are ignored. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ApiJson() {
    }

    /** A request carrying a schema, as posted to register, look up or check compatibility. */
    record SchemaBody(String schema, String schemaType, List<Object> references) {

        /** The Avro schema in this body; 422 (42201) if it is missing, not Avro or not valid. */
        Schema avro() {
            if (schemaType != null && !"AVRO".equalsIgnoreCase(schemaType)) {
                throw RegistryException.invalidSchema("schema type '" + schemaType
                        + "' is not supported: this registry stores AVRO schemas only");
            }
            if (references != null && !references.isEmpty()) {
                throw RegistryException.invalidSchema("schema references are not supported by this registry");
            }
            if (schema == null || schema.isBlank()) {
                throw RegistryException.invalidSchema("the request has no \"schema\"");
            }
            try {
                return new Schema.Parser().parse(schema);
            } catch (AvroRuntimeException invalid) {
                // Avro's reason names what is wrong in the client's schema; a wrapped parser error would
                // instead repeat the JSON library's exception text, so it is reported plainly
                throw RegistryException.invalidSchema(invalid.getCause() == null ? invalid.getMessage() : "the schema is not valid JSON");
            }
        }
    }

    /** A request setting a compatibility level. */
    record LevelBody(String compatibility) {
    }

    record IdReply(int id) {
    }

    record SchemaReply(String schema) {
    }

    record VersionReply(String subject, int id, int version, String schema) {

        static VersionReply of(RegisteredSchema registered) {
            return new VersionReply(registered.subject(), registered.id(), registered.version(),
                    registered.schema().toString());
        }
    }

    record SubjectVersion(String subject, int version) {
    }

    record LevelReply(String compatibilityLevel) {
    }

    record LevelUpdate(String compatibility) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompatibilityReply(@JsonProperty("is_compatible") boolean compatible, List<String> messages) {
    }

    record ErrorReply(@JsonProperty("error_code") int errorCode, String message) {
    }

    /** A body already in JSON form (a raw schema), written as it is. */
    record RawJson(String json) {
    }

    static <T> T read(byte[] body, Class<T> type) {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new RegistryException(400, 400, "The request has no body");
            }
            return value;
        } catch (JsonProcessingException malformed) {
            // the parser's own text is not repeated: it can carry internal class names
            JsonLocation where = malformed.getLocation();
            throw new RegistryException(400, 400, "Malformed request body: not the expected JSON"
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        } catch (IOException unreadable) {
            throw new RegistryException(400, 400, "Unreadable request body");
        }
    }

    static String write(Object body) {
        if (body instanceof RawJson raw) {
            return raw.json();
        }
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
