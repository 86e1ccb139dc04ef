package org.mempred.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drives the real shell in a real terminal: tmux runs {@code mempred shell}, send-keys types, and
 * capture-pane reads the screen. Skipped, with a message, where tmux is not installed.
 */
class ShellTerminalEndToEndTest {
    private static final long WAIT_NANOS = 30_000_000_000L;

    private static boolean tmuxPresent() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "tmux"))) {
                return true;
            }
        }
        return false;
    }

    private static String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    private static String waitForScreen(String session, String expected) throws Exception {
        long deadline = System.nanoTime() + WAIT_NANOS;
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-S", "-200", "-t", session);
            if (screen.contains(expected)) {
                return screen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("screen never showed '" + expected + "'; last screen:\n" + screen);
    }

    @Test
    void statusAndMetricsAnswerInARealTerminal() throws Exception {
        assumeTrue(tmuxPresent(), "tmux is not installed: the terminal end-to-end test is skipped");
        String session = "mempred-e2e-" + ProcessHandle.current().pid();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "'" + java + "' --enable-native-access=ALL-UNNAMED -cp '"
                + System.getProperty("java.class.path") + "' org.mempred.cli.Main shell --no-autonomy";
        tmux("new-session", "-d", "-s", session, "-x", "200", "-y", "60", command);
        try {
            waitForScreen(session, "mempred>"); // capture-pane drops the trailing space
            tmux("send-keys", "-t", session, "mempred status", "Enter");
            assertThat(waitForScreen(session, "predictor neural")).contains("policy neural, mode PREDICTIVE");
            tmux("send-keys", "-t", session, "metrics", "Enter");
            assertThat(waitForScreen(session, "METRIC watchdog_alerts=")).contains("METRIC heap_used_bytes=0");
            tmux("send-keys", "-t", session, "exit", "Enter");
        } finally {
            tmux("kill-session", "-t", session);
        }
    }
}
