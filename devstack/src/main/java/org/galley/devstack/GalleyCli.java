package org.galley.devstack;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./galley}: the local stack's command line. */
@Command(name = "galley", mixinStandardHelpOptions = true, version = "Galley 0.1.0",
        description = "Galley, an event-driven publishing pipeline for newsrooms.",
        subcommands = {UpCommand.class, SubmitCommand.class, DlqCommand.class, AuditCommand.class})
public final class GalleyCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new GalleyCli()).execute(args));
    }
}
