package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help of every command renders cleanly: picocli prints no warning (e.g. for an unescaped {@code %}). */
class HelpTest {

    @Test
    void noHelpTextOfAnyCommandPrintsAWarning() {
        List<CommandLine> commands = new ArrayList<>();
        collect(Main.newCommandLine(), commands);
        assertThat(commands).hasSizeGreaterThan(5);
        PrintStream systemErr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        StringWriter help = new StringWriter();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (CommandLine command : commands) {
                command.usage(new PrintWriter(help));
                List<String> args = new ArrayList<>(
                        List.of(command.getCommandSpec().qualifiedName(" ").split(" ")));
                args.removeFirst();
                args.add("--help");
                String[] result = CliRun.run(args.toArray(String[]::new));
                help.append(result[1]).append(result[2]);
            }
            String[] usageError = CliRun.run("stress", "--pressure");
            help.append(usageError[2]);
        } finally {
            System.setErr(systemErr);
        }
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(help.toString())
                .contains("--pressure")
                .doesNotContain("WARN")
                .doesNotContain("%n");
    }

    @Test
    void helpTextsNameEveryWorkloadBothTraceVersionsAndOneArenaForPlacement() {
        String top = helpOf("--help");
        String replay = helpOf("replay", "--help");
        String stress = helpOf("stress", "--help");
        String train = helpOf("train", "--help");
        for (String help : List.of(top, replay)) {
            assertThat(help).contains("mempred-trace v1 or v2").doesNotContain("mempred-trace v1,");
        }
        for (String name : org.mempred.lab.workload.Workloads.NAMES) {
            assertThat(stress).contains(name + " (");
            assertThat(train).contains(name + " (");
        }
        for (String help : List.of(replay, stress)) {
            assertThat(help)
                    .contains("Where new blocks go in the one arena")
                    .doesNotContain("regions of one lifetime class");
        }
    }

    /** The help {@code args} print, with every run of white space as one space (picocli wraps lines). */
    private static String helpOf(String... args) {
        return String.join(" ", CliRun.run(args)).replaceAll("\\s+", " ");
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        for (CommandLine sub : command.getSubcommands().values()) {
            collect(sub, into);
        }
    }
}
