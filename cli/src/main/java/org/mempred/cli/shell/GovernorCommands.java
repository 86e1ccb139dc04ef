package org.mempred.cli.shell;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.mempred.cli.options.Counts;
import org.mempred.cli.options.PolicyConverter;
import org.mempred.govern.Decision;
import org.mempred.govern.Policies;
import org.mempred.govern.PolicySpec;
import org.mempred.live.LiveSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The shell's commands over the governor: {@code autonomy}, {@code policy}, {@code metrics}, {@code log}. */
final class GovernorCommands {
    private GovernorCommands() {}

    /** {@code autonomy [on|off|status]}: start or stop the governor's loop, and say how it stands. */
    @Command(name = "autonomy", description = "Start or stop the governor's 500 ms loop (default: status).")
    static final class Autonomy implements Runnable {
        private final LiveSystem system;

        @Spec
        private CommandSpec spec;

        @Parameters(
                arity = "0..1",
                paramLabel = "on|off|status",
                defaultValue = "status",
                completionCandidates = Verbs.class,
                description = "on, off or status (default: ${DEFAULT-VALUE}).")
        private String verb;

        Autonomy(LiveSystem system) {
            this.system = system;
        }

        @Override
        public void run() {
            switch (verb) {
                case "on" -> system.setAutonomy(true);
                case "off" -> system.setAutonomy(false);
                case "status" -> {}
                default -> throw new IllegalArgumentException("autonomy '" + verb + "': expected on, off or status");
            }
            spec.commandLine()
                    .getOut()
                    .println("autonomy " + (system.autonomy() ? "on" : "off") + ", policy "
                            + system.currentGovernor().policy().name() + ", mode "
                            + system.currentGovernor().mode());
        }

        /** The words {@code autonomy} takes, for completion. */
        static final class Verbs implements Iterable<String> {
            @Override
            public Iterator<String> iterator() {
                return List.of("on", "off", "status").iterator();
            }
        }
    }

    /** {@code policy [NAME]}: show or switch the governor's policy. */
    @Command(name = "policy", description = "Show or switch the policy.")
    static final class Policy implements Runnable {
        private final LiveSystem system;

        @Spec
        private CommandSpec spec;

        @Parameters(
                arity = "0..1",
                paramLabel = "NAME",
                completionCandidates = Names.class,
                converter = PolicyConverter.class,
                description = "The new policy: ${COMPLETION-CANDIDATES}.")
        private PolicySpec name;

        Policy(LiveSystem system) {
            this.system = system;
        }

        @Override
        public void run() {
            if (name != null) {
                system.setPolicy(name);
            }
            spec.commandLine()
                    .getOut()
                    .println("policy " + system.currentGovernor().policy().name());
        }

        /** Every policy name, for completion and help. */
        static final class Names implements Iterable<String> {
            @Override
            public Iterator<String> iterator() {
                return Policies.NAMES.iterator();
            }
        }
    }

    /** {@code metrics}: the METRIC lines of the heap and governor. */
    @Command(name = "metrics", description = "Print METRIC name=value lines.")
    static final class Metrics implements Runnable {
        private final LiveSystem system;

        @Spec
        private CommandSpec spec;

        Metrics(LiveSystem system) {
            this.system = system;
        }

        @Override
        public void run() {
            spec.commandLine().getOut().print(org.mempred.metrics.Metrics.format(system.metrics()));
        }
    }

    /**
     * {@code log [N]}: the governor's last N decisions with their reasons. A run of consecutive
     * decisions that differ only in time and pressure (same forecast, action and reason) is one
     * line with the range of both and a count ({@code ×12}), so a rate-limited burst reads once.
     */
    @Command(
            name = "log",
            description = "The last N decisions of the governor with reasons; repeats of one decision are one"
                    + " line with a count.")
    static final class Log implements Runnable {
        private final LiveSystem system;

        @Spec
        private CommandSpec spec;

        @Parameters(
                arity = "0..1",
                paramLabel = "N",
                defaultValue = "10",
                converter = Counts.Positive.class,
                description = "How many decisions (default: ${DEFAULT-VALUE}).")
        private int count;

        Log(LiveSystem system) {
            this.system = system;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            List<Decision> decisions = system.currentGovernor().recentDecisions(count);
            if (decisions.isEmpty()) {
                out.println("no decisions yet (autonomy " + (system.autonomy() ? "on" : "off") + ")");
            }
            int first = 0;
            for (int i = 1; i <= decisions.size(); i++) {
                if (i == decisions.size() || !sameDecision(decisions.get(first), decisions.get(i))) {
                    out.println(line(decisions.subList(first, i)));
                    first = i;
                }
            }
        }

        /** Whether {@code a} and {@code b} differ at most in time and pressure. */
        private static boolean sameDecision(Decision a, Decision b) {
            return a.action() == b.action()
                    && a.reason().equals(b.reason())
                    && prediction(a).equals(prediction(b));
        }

        private static String prediction(Decision d) {
            return Double.isNaN(d.prediction()) ? "-" : String.format(Locale.ROOT, "%.3f", d.prediction());
        }

        /** One line for a run of equal decisions: times and pressures as ranges, and the count. */
        private String line(List<Decision> run) {
            Decision first = run.getFirst();
            Decision last = run.getLast();
            if (run.size() == 1) {
                return String.format(
                        Locale.ROOT,
                        "  t=%.1fs  p=%.3f  q=%s  %-12s %s",
                        system.secondsSince(first.timeNanos()),
                        first.pressure(),
                        prediction(first),
                        first.action(),
                        first.reason());
            }
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (Decision d : run) {
                low = Math.min(low, d.pressure());
                high = Math.max(high, d.pressure());
            }
            return String.format(
                    Locale.ROOT,
                    "  t=%.1f–%.1fs  p=%.3f–%.3f  q=%s  %-12s %s  ×%d",
                    system.secondsSince(first.timeNanos()),
                    system.secondsSince(last.timeNanos()),
                    low,
                    high,
                    prediction(first),
                    first.action(),
                    first.reason(),
                    run.size());
        }
    }
}
