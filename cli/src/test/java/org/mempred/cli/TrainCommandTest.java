package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mempred.cli.CliRun.run;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.Pretrained;
import org.mempred.predict.WeightsFile;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsOnLabelledLabRunsAndWritesALoadableWeightsFile() throws Exception {
        Path file = dir.resolve("w.json");
        String[] result = run(
                "train",
                "--out",
                file.toString(),
                "--pressures",
                "90",
                "--duration",
                "1m",
                "--seeds",
                "1",
                "--epochs",
                "2");
        assertThat(result[0]).isEqualTo("0");
        assertThat(result[1]).contains("stress at 90 %: 1 seeds run").contains("wrote " + file);
        NeuralWeights weights = WeightsFile.load(file);
        assertThat(weights.featureSet()).isEqualTo(FeatureSet.SEED);
        assertThat(Files.readString(file)).contains("\"origin\": \"mempred train --pressures 90");
    }

    /** The shipped weights are the output of the command in their origin, not typed in: rerun it and compare. */
    @Test
    void shippedWeightsAreExactlyWhatTheirOriginCommandProduces() throws Exception {
        String shipped;
        try (InputStream in = Pretrained.class.getResourceAsStream(Pretrained.resourceName(FeatureSet.SEED))) {
            assertThat(in).as("shipped pretrained-seed.json").isNotNull();
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String origin = shipped.replaceAll("(?s).*\"origin\": \"mempred ([^\"]*)\".*", "$1");
        assertThat(origin).startsWith("train ");
        Path file = dir.resolve("again.json");
        String[] args = (origin + " --out " + file).split(" ");
        assertThat(run(args)[0]).isEqualTo("0");
        assertThat(Files.readString(file)).isEqualTo(shipped);
    }

    @Test
    void badOptionsAreOneClearErrorWithExitCodeTwo() {
        String[] result = run("train", "--out", dir.resolve("x.json").toString(), "--seeds", "0");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("--seeds=0");
    }

    @Test
    void trainsOnARealTraceReplayedAtEachPressure() throws Exception {
        Path file = dir.resolve("trace.json");
        String trace = Path.of("..", "traces", "sqlite-index.trace.gz").toString();
        String[] result = run(
                "train",
                "--out",
                file.toString(),
                "--trace",
                trace,
                "--pressures",
                "95,100",
                "--seeds",
                "1",
                "--epochs",
                "1");
        assertThat(result[0]).as(result[2]).isEqualTo("0");
        assertThat(result[1]).contains("sqlite-index.trace.gz at 95 %").contains("sqlite-index.trace.gz at 100 %");
        assertThat(Files.readString(file)).contains("\"origin\": \"mempred train --trace " + trace);
        assertThat(WeightsFile.load(file).featureSet()).isEqualTo(FeatureSet.SEED);
    }

    @Test
    void unknownWorkloadIsOneClearError() {
        String[] result = run("train", "--out", dir.resolve("w.json").toString(), "--workload", "chaos");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2]).contains("--workload='chaos' is unknown; valid: stress, mix");
    }
}
