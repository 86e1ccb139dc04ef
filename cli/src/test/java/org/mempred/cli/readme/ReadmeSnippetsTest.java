package org.mempred.cli.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md compiles against core and lab (the rule that turns a
 * block into source is {@link JavaSnippets}'), so the examples a user copies work as written.
 */
class ReadmeSnippetsTest {
    private static final Path README = Path.of("..", "README.md");

    @Test
    void everyJavaBlockOfTheReadmeCompiles(@TempDir Path classes) throws IOException {
        List<JavaSnippets.Snippet> snippets = JavaSnippets.extract(Files.readString(README));
        assertThat(snippets).as("the README's java blocks").hasSizeGreaterThanOrEqualTo(2);
        assertThat(JavaSnippets.compile(snippets, classes)).isEmpty();
    }

    @Test
    void theLibraryExampleRunsAndPrintsMetricLines(@TempDir Path classes) throws Exception {
        List<JavaSnippets.Snippet> snippets = JavaSnippets.extract(Files.readString(README));
        assertThat(JavaSnippets.compile(snippets, classes)).isEmpty();
        PrintStream systemOut = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass("GovernedBuffers").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(systemOut);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("METRIC heap_capacity_bytes=1048576")
                .contains("METRIC heap_used_bytes=0")
                .contains("oom events 0, pressure 0.0");
    }

    @Test
    void aBlockThatUsesAnUndeclaredNameFailsNamingItsLine(@TempDir Path classes) throws IOException {
        String markdown = "# title\n\n```java\nimport org.mempred.heap.CompactingHeap;\n"
                + "CompactingHeap heap = new CompactingHeap(1024);\nheap.free(handle);\n```\n\n```sh\nnot java\n```\n";
        List<JavaSnippets.Snippet> snippets = JavaSnippets.extract(markdown);
        assertThat(snippets).hasSize(1);
        assertThat(snippets.getFirst().line()).isEqualTo(4);
        assertThat(JavaSnippets.compile(snippets, classes))
                .singleElement()
                .asString()
                .startsWith("README snippet at line 4 (Snippet1.java:")
                .contains("handle");
    }

    @Test
    void statementsGetTheirImportsHoistedAndATypeDeclarationStandsAsWritten(@TempDir Path classes) throws IOException {
        String markdown = "```java\nimport java.util.List;\nList<String> words = List.of(\"a\");\n```\n"
                + "```java\nimport java.util.List;\n\npublic final class App {\n"
                + "    public static void main(String[] args) { System.out.println(List.of()); }\n}\n```\n";
        List<JavaSnippets.Snippet> snippets = JavaSnippets.extract(markdown);
        assertThat(JavaSnippets.source(snippets.get(0), 1)[1])
                .startsWith(
                        "import java.util.List;\nfinal class Snippet1 {\n    static void run() throws Exception {\n");
        assertThat(JavaSnippets.source(snippets.get(1), 2)[0]).isEqualTo("App");
        assertThat(JavaSnippets.compile(snippets, classes)).isEmpty();
        assertThat(classes.resolve("App.class")).exists();
    }
}
