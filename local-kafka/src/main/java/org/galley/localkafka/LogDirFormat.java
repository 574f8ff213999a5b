package org.galley.localkafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * Prepares a log dir for a KRaft node, as {@code kafka-storage.sh format} does: a new dir gets a
 * fresh cluster id, a dir that is already formatted is left alone so its records survive.
 */
final class LogDirFormat {

    /** Written by formatting; its presence means the dir already belongs to a cluster. */
    private static final String META_PROPERTIES = "meta.properties";

    private LogDirFormat() {
    }

    /** Formats {@code logDir} (log and metadata log in one) for node {@code nodeId} unless already formatted; says whether it did. */
    static boolean formatIfNew(Path logDir, int nodeId) {
        return formatIfNew(logDir, nodeId, Uuid.randomUuid().toString());
    }

    /** As {@link #formatIfNew(Path, int)}, for a node of the cluster {@code clusterId} (every node of one cluster shares it). */
    static boolean formatIfNew(Path logDir, int nodeId, String clusterId) {
        if (Files.exists(logDir.resolve(META_PROPERTIES))) {
            return false;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .addDirectory(logDir.toAbsolutePath().toString())
                    .run();
            return true;
        } catch (IOException e) {
            throw new IllegalStateException("Could not create the Kafka log dir " + logDir + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not format the Kafka log dir " + logDir + ": " + e.getMessage(), e);
        }
    }
}
