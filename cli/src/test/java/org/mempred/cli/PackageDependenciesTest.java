package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line's packages form no cycle: {@code cli} uses {@code cli.shell} and
 * {@code cli.options}, {@code cli.shell} uses {@code cli.options}, and {@code cli.options} uses
 * neither. Read from the sources' references to {@code org.mempred.cli} types.
 */
class PackageDependenciesTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "mempred", "cli");
    private static final Pattern REFERENCE = Pattern.compile("org\\.mempred\\.cli((?:\\.[a-z]+)*)\\.[A-Z]");

    /** The other packages under {@code org.mempred.cli} whose types the sources in {@code dir} name. */
    private static List<String> packagesUsedBy(Path dir) throws IOException {
        List<String> used = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher reference = REFERENCE.matcher(Files.readString(file));
                while (reference.find()) {
                    String name = "cli" + reference.group(1);
                    if (!used.contains(name)) {
                        used.add(name);
                    }
                }
            }
        }
        return used;
    }

    @Test
    void theShellUsesOnlyTheOptionsPackageOfTheCommandLine() throws IOException {
        assertThat(packagesUsedBy(SOURCES.resolve("shell"))).containsExactly("cli.options");
    }

    @Test
    void theOptionsPackageUsesNoOtherPackageOfTheCommandLine() throws IOException {
        assertThat(packagesUsedBy(SOURCES.resolve("options"))).isEmpty();
    }
}
