package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.mempred.lab.reproduce.Provenance;

/** The commit a report names comes from git when git answers, and is "unknown" otherwise. */
@DisabledOnOs(OS.WINDOWS)
class GitProvenanceTest {
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    /** A fake git: prints {@code head} for rev-parse and {@code status} for status, or fails with {@code exit}. */
    private static String fakeGit(Path dir, String head, String status, int exit) throws IOException {
        Path git = dir.resolve("git");
        Files.writeString(
                git,
                "#!/bin/sh\n"
                        + "if [ \"$1\" = rev-parse ]; then printf '%s\\n' '" + head + "'; fi\n"
                        + "if [ \"$1\" = status ]; then printf '%s' '" + status + "'; fi\n"
                        + "exit " + exit + "\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(git, PosixFilePermissions.fromString("rwx------"));
        return git.toString();
    }

    @Test
    void aCleanCheckoutGivesItsCommitAndACleanTree(@TempDir Path dir) throws IOException {
        assertThat(GitProvenance.of(fakeGit(dir, COMMIT, "", 0), dir))
                .isEqualTo(new Provenance(COMMIT, Provenance.Tree.CLEAN));
    }

    @Test
    void anyStatusLineMakesTheTreeDirty(@TempDir Path dir) throws IOException {
        assertThat(GitProvenance.of(fakeGit(dir, COMMIT, " M lab/Foo.java\n?? out/\n", 0), dir))
                .isEqualTo(new Provenance(COMMIT, Provenance.Tree.DIRTY));
    }

    @Test
    void noGitOrAFailingGitOrANonsenseAnswerGivesUnknown(@TempDir Path dir) throws IOException {
        assertThat(GitProvenance.of(dir.resolve("no-such-git").toString(), dir)).isEqualTo(Provenance.UNKNOWN);
        assertThat(GitProvenance.of(fakeGit(dir, COMMIT, "", 128), dir)).isEqualTo(Provenance.UNKNOWN);
        assertThat(GitProvenance.of(fakeGit(dir, "HEAD", "", 0), dir)).isEqualTo(Provenance.UNKNOWN);
    }

    @Test
    void unknownIsPrintedAsUnknown() {
        assertThat(Provenance.UNKNOWN.describe()).startsWith("unknown");
        assertThat(new Provenance(COMMIT, Provenance.Tree.DIRTY).describe())
                .contains(COMMIT)
                .contains("dirty tree");
    }
}
