package org.mempred.cli.readme;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The {@code ```java} blocks of a Markdown text, turned into compilation units and compiled with
 * {@link JavaCompiler} against this JVM's class path. The rule that turns a block into source:
 *
 * <ul>
 *   <li>a block that declares a top-level type (a line starting with {@code class}, {@code record},
 *       {@code interface} or {@code enum}, after optional {@code public}/{@code final}) is one
 *       source file as written, named after its public type ({@code SnippetN} when none is public);
 *   <li>any other block is statements: its {@code import} lines are hoisted to the top of a class
 *       {@code SnippetN} and the rest becomes the body of {@code static void run() throws Exception}.
 * </ul>
 *
 * Every snippet must so carry its own imports and declare what it uses: nothing is implied.
 */
final class JavaSnippets {
    private static final Pattern FENCE = Pattern.compile("(?m)^```java[ \\t]*\\n(.*?)^```[ \\t]*$", Pattern.DOTALL);
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^(?:public\\s+)?(?:final\\s+|sealed\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public\\s+(?:final\\s+|sealed\\s+|abstract\\s+)*(?:class|record|interface|enum)\\s+(\\w+)");

    private JavaSnippets() {}

    /** One block: the 1-based line of the Markdown text its code starts at, and the code. */
    record Snippet(int line, String code) {}

    /** Every {@code ```java} block of {@code markdown}, in order. */
    static List<Snippet> extract(String markdown) {
        List<Snippet> snippets = new ArrayList<>();
        Matcher m = FENCE.matcher(markdown);
        while (m.find()) {
            int line = 1
                    + (int) markdown.substring(0, m.start(1))
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            snippets.add(new Snippet(line, m.group(1)));
        }
        return snippets;
    }

    /** The source file {@code snippet} (the {@code index}th) becomes: {name, source}. */
    static String[] source(Snippet snippet, int index) {
        String fallback = "Snippet" + index;
        if (TYPE.matcher(snippet.code()).find()) {
            Matcher named = PUBLIC_TYPE.matcher(snippet.code());
            return new String[] {named.find() ? named.group(1) : fallback, snippet.code()};
        }
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (String line : snippet.code().split("\n", -1)) {
            (line.startsWith("import ") ? imports : body).append(line).append('\n');
        }
        return new String[] {
            fallback,
            imports + "final class " + fallback + " {\n    static void run() throws Exception {\n" + body + "    }\n}\n"
        };
    }

    /**
     * Compiles every snippet into {@code outputDir}, each on its own (one snippet's names never
     * serve another).
     *
     * @return one line per error, naming the snippet's line in the Markdown text; empty when all compile
     */
    static List<String> compile(List<Snippet> snippets, Path outputDir) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            Snippet snippet = snippets.get(i);
            String[] source = source(snippet, i + 1);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
                List<String> options = List.of(
                        "-classpath",
                        System.getProperty("java.class.path"),
                        "-d",
                        outputDir.toString(),
                        "-proc:none",
                        "-Xlint:none");
                boolean ok = compiler.getTask(
                                null, files, diagnostics, options, null, List.of(new Source(source[0], source[1])))
                        .call();
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        errors.add("README snippet at line " + snippet.line() + " (" + source[0] + ".java:"
                                + d.getLineNumber() + "): " + d.getMessage(Locale.ROOT));
                    }
                }
                if (!ok && errors.isEmpty()) {
                    errors.add("README snippet at line " + snippet.line() + " does not compile");
                }
            }
        }
        return errors;
    }

    /** A source file held in memory. */
    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
