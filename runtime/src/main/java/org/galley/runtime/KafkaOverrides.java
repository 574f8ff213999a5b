package org.galley.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the {@code KAFKA_*} variables over Galley's own settings for a Kafka client, as ops expect (tuning, SASL,
 * SSL need no code change), except where a variable would change a setting one of Galley's guarantees rests on:
 * exactly-once, the exception handlers that dead-letter poison and retry outages, the dead-letter topic,
 * read_committed consumers, idempotent all-acks producers. Such a variable stops the service from starting, with a
 * message naming it, unless {@value #ALLOW_UNSAFE} is {@code true}; then it is applied and logged as a WARN.
 * A variable that sets the value Galley needs anyway is fine. Client prefixes count ({@code KAFKA_PRODUCER_ACKS},
 * {@code KAFKA_MAIN_CONSUMER_ISOLATION_LEVEL}).
 */
public final class KafkaOverrides {

    /** The documented opt-out (docs/operations.md). */
    public static final String ALLOW_UNSAFE = "GALLEY_ALLOW_UNSAFE_KAFKA_SETTINGS";

    /** What a producer that must neither lose nor duplicate relies on. */
    static final Map<String, Object> PRODUCER_GUARANTEES = Map.of("acks", "all", "enable.idempotence", "true");

    /** What a consumer that must see only committed events, and commit only what it has applied, relies on. */
    static final Map<String, Object> CONSUMER_GUARANTEES = Map.of("isolation.level", "read_committed", "enable.auto.commit", "false");

    private static final Logger log = LoggerFactory.getLogger(KafkaOverrides.class);

    // Longest first, so main.consumer. is stripped whole rather than as consumer. after "main.".
    private static final List<String> CLIENT_PREFIXES = List.of("main.consumer.", "restore.consumer.",
            "global.consumer.", "consumer.", "producer.", "admin.");

    private KafkaOverrides() {
    }

    /**
     * {@code galley} with every {@code KAFKA_*} variable (and the bootstrap servers) put over it; refuses, naming the
     * variables, any that would change a setting in {@code guarantees} (property to the value Galley needs).
     */
    public static Properties apply(Properties galley, ServiceConfig config, Map<String, ?> guarantees) {
        List<String> unsafe = unsafeVariables(config, guarantees);
        if (!unsafe.isEmpty()) {
            if (!config.getBoolean(ALLOW_UNSAFE, false)) {
                throw new IllegalArgumentException("Refusing to start: " + String.join("; ", unsafe)
                        + ". Galley's exactly-once and dead-letter guarantees rely on these settings. Remove the"
                        + " variable, or set " + ALLOW_UNSAFE + "=true to start without those guarantees.");
            }
            unsafe.forEach(variable -> log.warn("{}=true: applying {}; Galley's guarantees no longer hold", ALLOW_UNSAFE, variable));
        }
        galley.putAll(config.kafkaProperties());
        return galley;
    }

    /** Each variable that would change a guaranteed setting, as "VARIABLE=value would change property from x". */
    static List<String> unsafeVariables(ServiceConfig config, Map<String, ?> guarantees) {
        List<String> unsafe = new ArrayList<>();
        config.kafkaVariables().forEach((variable, value) -> {
            String property = ServiceConfig.toKafkaProperty(variable);
            Object needed = guarantees.get(withoutClientPrefix(property));
            if (needed != null && !sameSetting(needed, value)) {
                unsafe.add(variable + "=" + value + " would change " + property + " from " + display(needed));
            }
        });
        return unsafe;
    }

    static String withoutClientPrefix(String property) {
        return CLIENT_PREFIXES.stream().filter(property::startsWith).findFirst()
                .map(prefix -> property.substring(prefix.length())).orElse(property);
    }

    private static boolean sameSetting(Object needed, String value) {
        String given = value.trim();
        String wanted = display(needed);
        // acks=-1 is acks=all.
        if (wanted.equals("all") && given.equals("-1")) {
            return true;
        }
        // Class names are case-sensitive; every other guaranteed value is a keyword Kafka reads in any case.
        return needed instanceof Class ? wanted.equals(given) : wanted.equalsIgnoreCase(given);
    }

    private static String display(Object value) {
        return value instanceof Class<?> type ? type.getName() : value.toString();
    }
}
