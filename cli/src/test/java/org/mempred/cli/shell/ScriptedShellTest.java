package org.mempred.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code mempred shell} as a separate process with a script on standard input, as a shell
 * script would ({@code printf 'bogus\nexit\n' | mempred shell}): the exit status and the split of
 * standard output and standard error are what a script relies on.
 */
class ScriptedShellTest {
    /** {exit status, stdout, stderr} of {@code mempred shell --no-autonomy} fed {@code script}. */
    private static String[] runShell(String script) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(
                        java,
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.mempred.cli.Main",
                        "shell",
                        "--no-autonomy"))
                .start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process, true));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process, false));
        try (OutputStream in = process.getOutputStream()) {
            in.write(script.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("the shell ends at exit")
                .isTrue();
        return new String[] {
            Integer.toString(process.exitValue()),
            new String(out.get(), StandardCharsets.UTF_8),
            new String(err.get(), StandardCharsets.UTF_8)
        };
    }

    private static byte[] readAll(Process process, boolean stdout) {
        try {
            return (stdout ? process.getInputStream() : process.getErrorStream()).readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aFailedCommandGoesToStderrAndMakesTheExitStatusNonZero() throws Exception {
        String[] result = runShell("bogus\nexit\n");
        assertThat(result[2]).contains("error: unknown command 'bogus'");
        assertThat(result[1]).doesNotContain("error").doesNotContain("bogus");
        assertThat(Integer.parseInt(result[0])).isNotZero();
    }

    @Test
    void aScriptWithoutErrorsExitsZeroWithOutputOnStdout() throws Exception {
        String[] result = runShell("heap alloc 64\nheap status\nexit\n");
        assertThat(result[1]).contains("handle 0:1 (64 bytes)").contains("heap: 64/");
        assertThat(result[2]).doesNotContain("error");
        assertThat(result[0]).isEqualTo("0");
    }
}
