package org.galley.bench.pipeline;

import java.nio.file.Path;

/**
 * What one run of the pipeline benchmark measures, from {@code ./galley bench [--quick] [--stories N] [--rate R]
 * [--seconds S] [--out DIR]}. {@code --quick} only changes the defaults; a number given explicitly wins.
 *
 * @param quick   the short run: 2,000 stories and 20 seconds of latency instead of 10,000 and 60
 * @param stories how many stories the replay submits (and Hugo builds); the ceiling passes as many records
 * @param rate    stories per second submitted during the latency run
 * @param seconds how long the latency run submits
 * @param out     where result.json, result.svg and the logs go
 */
public record BenchOptions(boolean quick, int stories, int rate, int seconds, Path out) {

    public static final String USAGE = """
            Usage: ./galley bench [--quick] [--stories N] [--rate R] [--seconds S] [--out DIR]
                   ./galley bench jmh [JMH options]
              --quick        a short run: 2,000 stories, 20 s of latency (defaults 10,000 and 60 s)
              --stories N    stories submitted by the replay and built by Hugo
              --rate R       stories per second during the latency run (default 50)
              --seconds S    length of the latency run in seconds
              --out DIR      where result.json, result.svg and logs/ go (default target/bench)
            """;

    public BenchOptions {
        if (stories < 1) {
            throw new IllegalArgumentException("--stories must be at least 1, was " + stories);
        }
        if (rate < 1) {
            throw new IllegalArgumentException("--rate must be at least 1, was " + rate);
        }
        if (seconds < 1) {
            throw new IllegalArgumentException("--seconds must be at least 1, was " + seconds);
        }
    }

    /** The options the arguments ask for; an unknown option or a missing value is an error saying which. */
    public static BenchOptions parse(String... args) {
        boolean quick = false;
        Integer stories = null;
        Integer rate = null;
        Integer seconds = null;
        Path out = Path.of("target", "bench");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--stories" -> stories = number(arg, value(args, ++i, arg));
                case "--rate" -> rate = number(arg, value(args, ++i, arg));
                case "--seconds" -> seconds = number(arg, value(args, ++i, arg));
                case "--out" -> out = Path.of(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
            }
        }
        return new BenchOptions(quick,
                stories != null ? stories : quick ? 2_000 : 10_000,
                rate != null ? rate : 50,
                seconds != null ? seconds : quick ? 20 : 60,
                out);
    }

    /** Whether the arguments only ask for the usage text. */
    public static boolean wantsHelp(String... args) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /** How many stories the latency run submits. */
    public int latencyStories() {
        return Math.multiplyExact(rate, seconds);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'", e);
        }
    }
}
