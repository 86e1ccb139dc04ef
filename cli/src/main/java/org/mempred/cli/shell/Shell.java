package org.mempred.cli.shell;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mempred.govern.Decision;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.live.LiveSystem;
import org.mempred.metrics.Metrics;

/**
 * The interactive shell's command interpreter, independent of any terminal: one line in, text
 * out. Bad input prints one {@code error:} line and changes nothing; only {@code exit} (or end of
 * input, handled by the caller) ends a session. Commands and their help live in one table so that
 * {@code help}, tab completion and dispatch cannot disagree.
 */
public final class Shell {
    /** What {@link #execute} tells the caller to do next. */
    public enum Next {
        /** Read another line. */
        CONTINUE,
        /** The user asked to leave. */
        EXIT
    }

    private final LiveSystem system;
    private final HeapCommands heap;
    private final ReportCommands report;
    private final StressControl stress;
    private final Map<String, String[]> help = new LinkedHashMap<>();

    /** A shell over {@code system}; {@code stress} runs background workloads. */
    public Shell(LiveSystem system, TimedPredictor.Latencies latencies, StressControl stress) {
        this.system = system;
        this.heap = new HeapCommands(system.heap());
        this.report = new ReportCommands(system, latencies);
        this.stress = stress;
        help.put("mempred", new String[] {
            "mempred status|train [N]|report",
            "status: predictor state; train [N]: N offline epochs (default 1) over recorded labels;"
                    + " report: accuracy by band, errors, compactions, OOM events, latencies"
        });
        help.put("heap", new String[] {
            "heap status|alloc SIZE [atomic]|free H|write H TEXT|read H|pin H|unpin H" + "|compact [BUDGET]|dump",
            "drive the heap by hand; H is a handle as printed by alloc (slot:gen)"
        });
        help.put("stress", new String[] {
            "stress start --pressure P [--rate R]|stop|status",
            "background workload on the real clock: target pressure P (e.g. 90 or 0.9), R allocations/s"
        });
        help.put("autonomy", new String[] {"autonomy on|off|status", "start or stop the governor's 500 ms loop"});
        help.put("policy", new String[] {
            "policy [NAME]", "show or switch the policy: " + String.join(", ", Policies.NAMES)
        });
        help.put("metrics", new String[] {"metrics", "print METRIC name=value lines"});
        help.put("log", new String[] {"log [N]", "the last N decisions of the governor with reasons (default 10)"});
        help.put("help", new String[] {"help [CMD]", "list commands, or explain one"});
        help.put("exit", new String[] {"exit", "leave the shell (end of input does too)"});
    }

    /** The command words, for completion. */
    public List<String> commandWords() {
        return List.copyOf(help.keySet());
    }

    /** Runs one line, writing its output to {@code out}. */
    public Next execute(String line, PrintWriter out) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Next.CONTINUE;
        }
        String[] words = trimmed.split("\\s+");
        try {
            switch (words[0]) {
                case "exit", "quit" -> {
                    return Next.EXIT;
                }
                case "help" -> help(words, out);
                case "mempred" -> report.execute(words, out);
                case "heap" -> heap.execute(words, trimmed, out);
                case "stress" -> stress.execute(words, out);
                case "autonomy" -> autonomy(words, out);
                case "policy" -> policy(words, out);
                case "metrics" -> out.print(Metrics.format(system.metrics()));
                case "log" -> log(words, out);
                default ->
                    throw new IllegalArgumentException("unknown command '" + words[0] + "'; try help (commands: "
                            + String.join(", ", help.keySet()) + ")");
            }
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            out.println("error: " + e.getMessage());
        }
        out.flush();
        return Next.CONTINUE;
    }

    private void help(String[] words, PrintWriter out) {
        if (words.length == 1) {
            help.values().forEach(h -> out.println("  " + h[0]));
            out.println("help CMD explains one command.");
            return;
        }
        String[] entry = help.get(words[1]);
        if (entry == null) {
            throw new IllegalArgumentException(
                    "no command '" + words[1] + "'; commands: " + String.join(", ", help.keySet()));
        }
        out.println(entry[0]);
        out.println("  " + entry[1]);
    }

    private void autonomy(String[] words, PrintWriter out) {
        String verb = words.length > 1 ? words[1] : "status";
        switch (verb) {
            case "on" -> system.setAutonomy(true);
            case "off" -> system.setAutonomy(false);
            case "status" -> {}
            default -> throw new IllegalArgumentException("autonomy '" + verb + "': expected on, off or status");
        }
        out.println("autonomy " + (system.autonomy() ? "on" : "off") + ", policy "
                + system.currentGovernor().policy().name() + ", mode "
                + system.currentGovernor().mode());
    }

    private void policy(String[] words, PrintWriter out) {
        if (words.length > 1) {
            system.setPolicy(PolicySpec.parse(words[1]));
        }
        out.println("policy " + system.currentGovernor().policy().name());
    }

    private void log(String[] words, PrintWriter out) {
        int n = words.length > 1 ? HeapCommands.parseInt(words[1], "N") : 10;
        List<Decision> decisions = system.currentGovernor().recentDecisions(n);
        if (decisions.isEmpty()) {
            out.println("no decisions yet (autonomy " + (system.autonomy() ? "on" : "off") + ")");
        }
        for (Decision d : decisions) {
            out.printf(
                    java.util.Locale.ROOT,
                    "  t=%.1fs  p=%.3f  q=%s  %-12s %s%n",
                    system.secondsSince(d.timeNanos()),
                    d.pressure(),
                    Double.isNaN(d.prediction()) ? "-" : String.format(java.util.Locale.ROOT, "%.3f", d.prediction()),
                    d.action(),
                    d.reason());
        }
    }
}
