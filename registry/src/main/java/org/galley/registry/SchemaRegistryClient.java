package org.galley.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * What Galley needs from a Confluent-compatible schema registry: register a schema under a subject,
 * find a schema by its global id, and look up what a subject holds.
 *
 * <p>Implementations cache ids and schemas by id in both directions: a schema id never changes meaning.
 * Failures surface as {@link RegistryException} carrying the HTTP status and Confluent error code.
 * Obtain one with {@link SchemaRegistryClients#forUrl(String)}.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with this global id; throws {@link RegistryException} (40403) if there is none. */
    Schema schemaById(int id);

    /** Every subject with at least one live version. */
    List<String> subjects();

    /** The newest version under the subject; throws {@link RegistryException} (40401) if the subject is unknown. */
    RegisteredSchema latest(String subject);

    /**
     * The global id of the schema if it is registered under the subject, without registering it;
     * throws {@link RegistryException} (40401 or 40403) if it is not.
     */
    int idOf(String subject, Schema schema);
}
