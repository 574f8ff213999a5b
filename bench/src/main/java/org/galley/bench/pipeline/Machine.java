package org.galley.bench.pipeline;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What the figures were measured on, since they mean little without it.
 *
 * @param cores    processors available to the JVM
 * @param memoryMb physical memory
 * @param cpu      the processor's model name, when the system says (null otherwise)
 */
public record Machine(int cores, long memoryMb, String os, String jdk, String cpu) {

    static Machine detect() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() / (1024 * 1024) : -1;
        return new Machine(Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                cpuModel());
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
