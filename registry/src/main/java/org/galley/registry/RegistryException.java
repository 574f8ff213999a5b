package org.galley.registry;

/**
 * A failure reported by (or while reaching) a schema registry. Carries the HTTP status and Confluent's
 * {@code error_code} where known, and names the Confluent codes Galley's client and server use.
 */
public class RegistryException extends RuntimeException {

    /** Status and error code when the failure did not come from a registry answer (e.g. no connection). */
    public static final int UNKNOWN = -1;

    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int VERSION_NOT_FOUND = 40402;
    public static final int SCHEMA_NOT_FOUND = 40403;
    public static final int SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED = 40408;
    public static final int INCOMPATIBLE_SCHEMA = 409;
    public static final int INVALID_SCHEMA = 42201;
    public static final int INVALID_VERSION = 42202;
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;

    private final int status;
    private final int errorCode;

    public RegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = UNKNOWN;
        this.errorCode = UNKNOWN;
    }

    /** The HTTP status, or {@link #UNKNOWN}. */
    public int status() {
        return status;
    }

    /** Confluent's {@code error_code}, or {@link #UNKNOWN}. */
    public int errorCode() {
        return errorCode;
    }

    /** True when the registry answered that the subject, version or schema does not exist. */
    public boolean isNotFound() {
        return status == 404;
    }

    public static RegistryException subjectNotFound(String subject) {
        return new RegistryException(404, SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
    }

    public static RegistryException versionNotFound(String subject, int version) {
        return new RegistryException(404, VERSION_NOT_FOUND,
                "Version " + version + " not found under subject '" + subject + "'.");
    }

    public static RegistryException schemaNotFound(int id) {
        return new RegistryException(404, SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }

    public static RegistryException schemaNotUnderSubject(String subject) {
        return new RegistryException(404, SCHEMA_NOT_FOUND, "Schema not found under subject '" + subject + "'");
    }

    public static RegistryException subjectLevelNotConfigured(String subject) {
        return new RegistryException(404, SUBJECT_LEVEL_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    public static RegistryException incompatible(String subject, Object details) {
        return new RegistryException(409, INCOMPATIBLE_SCHEMA,
                "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                        + "\", details: " + details);
    }

    public static RegistryException invalidSchema(String why) {
        return new RegistryException(422, INVALID_SCHEMA, "Invalid schema: " + why);
    }

    public static RegistryException invalidVersion(String version) {
        return new RegistryException(422, INVALID_VERSION, "The specified version '" + version
                + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    public static RegistryException invalidCompatibilityLevel(String level) {
        return new RegistryException(422, INVALID_COMPATIBILITY_LEVEL, "Invalid compatibility level '" + level
                + "'. Valid values are NONE, BACKWARD, BACKWARD_TRANSITIVE, FORWARD, FORWARD_TRANSITIVE,"
                + " FULL and FULL_TRANSITIVE");
    }
}
