package org.mempred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mempred.cli.CliRun.run;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mempred.lab.report.Json;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.neural.Pretrained;
import org.mempred.predict.neural.WeightsFile;

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
        assertThat(weights.featureSet()).isEqualTo(FeatureSet.VOLUME);
        assertThat(Files.readString(file)).contains("\"origin\": \"mempred train --target volume --pressures 90");
    }

    /** The shipped weights are the output of the command in their origin, not typed in: rerun it and compare. */
    @ParameterizedTest
    @EnumSource(
            value = FeatureSet.class,
            names = {"SEED", "DEMAND", "VOLUME"})
    void shippedWeightsAreExactlyWhatTheirOriginCommandProduces(FeatureSet featureSet) throws Exception {
        String shipped;
        try (InputStream in = Pretrained.class.getResourceAsStream(Pretrained.resourceName(featureSet))) {
            assertThat(in).as("shipped " + Pretrained.resourceName(featureSet)).isNotNull();
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String origin = shipped.replaceAll("(?s).*\"origin\": \"mempred ([^\"]*)\".*", "$1")
                .replaceAll(TrainCommand.SAMPLES_SEPARATOR + ".*", "");
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
        assertThat(result[2]).contains("Invalid value for option '--seeds': '0' is not a whole number >= 1");
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
        String count = result[1].replaceAll("(?s).*(trained on [0-9]+ labelled samples).*", "$1");
        assertThat(count).matches("trained on [1-9][0-9]* labelled samples");
        String origin = "mempred train --target volume --trace " + trace
                + " --pressures 95,100 --seeds 1 --first-seed 1001 --epochs 1; " + count;
        assertThat(Files.readString(file)).contains("\"origin\": \"" + origin + "\"");
        assertThat(WeightsFile.load(file).featureSet()).isEqualTo(FeatureSet.VOLUME);
        String[] replay =
                run("replay", trace, "--seeds", "1", "--policies", "reactive,neural", "--weights", file.toString());
        assertThat(replay[0]).as(replay[2]).isEqualTo("0");
        assertThat(replay[1]).contains("weights: neural starts from " + file + " (" + origin + ")");
    }

    @Test
    void optionsThatATraceReplacesAreRefusedRatherThanIgnored() {
        String trace = Path.of("..", "traces", "sqlite-index.trace.gz").toString();
        String out = dir.resolve("t.json").toString();
        String[] duration = run("train", "--out", out, "--trace", trace, "--duration", "10m");
        assertThat(duration[0]).isEqualTo("2");
        assertThat(duration[2])
                .contains("--duration does not apply with --trace: each trace replays for its own length");
        assertThat(run("train", "--out", out, "--trace", trace, "--heap", "1MiB")[2])
                .contains("--heap does not apply with --trace");
        assertThat(run("train", "--out", out, "--trace", trace, "--workload", "mix")[2])
                .contains("--workload does not apply with --trace");
        assertThat(Path.of(out)).doesNotExist();
    }

    @Test
    void unknownWorkloadIsOneClearError() {
        String[] result = run("train", "--out", dir.resolve("w.json").toString(), "--workload", "chaos");
        assertThat(result[0]).isEqualTo("2");
        assertThat(result[2])
                .contains("Invalid value for option '--workload': 'chaos' is unknown; valid: stress, mix, bursty");
    }

    @Test
    void trainedWeightsAreUsedByStressAndReplayWithWeightsAndNamedInTheHeader() throws Exception {
        Path file = dir.resolve("mine.json");
        String[] train = run(
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
                "1");
        assertThat(train[0]).as(train[2]).isEqualTo("0");
        String[] stress = run(
                "stress",
                "--duration",
                "10s",
                "--seeds",
                "2",
                "--policies",
                "reactive,neural",
                "--weights",
                file.toString(),
                "--json",
                dir.resolve("s.json").toString());
        assertThat(stress[0]).as(stress[2]).isEqualTo("0");
        assertThat(stress[1]).contains("weights: neural starts from " + file);
        assertThat(Json.read(Files.readString(dir.resolve("s.json")))
                        .get("weights")
                        .asString())
                .isEqualTo(file.toString());
        String trace = Path.of("..", "traces", "sqlite-index.trace.gz").toString();
        String[] replay =
                run("replay", trace, "--seeds", "1", "--policies", "reactive,neural", "--weights", file.toString());
        assertThat(replay[0]).as(replay[2]).isEqualTo("0");
        assertThat(replay[1]).contains("weights: neural starts from " + file);
        String shipped = run("stress", "--duration", "10s", "--seeds", "1", "--policies", "reactive,neural")[1];
        assertThat(shipped).contains("weights: neural starts from the shipped pre-trained weights");
    }

    @Test
    void aBadWeightsFileIsOneClearErrorBeforeAnyWork() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"format\": \"something else\"}");
        for (String command : new String[] {"stress", "replay", "shell"}) {
            String[] args = command.equals("replay")
                    ? new String[] {"replay", "../traces/sqlite-index.trace.gz", "--weights", garbage.toString()}
                    : new String[] {command, "--weights", garbage.toString()};
            String[] result = run(args);
            assertThat(result[0]).as(command + ": " + result[2]).isEqualTo("2");
            assertThat(result[2].strip().lines()).hasSize(1);
            assertThat(result[2]).startsWith("mempred: --weights " + garbage + " is not usable:");
            assertThat(result[1]).isEmpty();
            String[] missing = run(
                    command.equals("replay")
                            ? new String[] {"replay", "../traces/sqlite-index.trace.gz", "--weights", dir + "/none.json"
                            }
                            : new String[] {command, "--weights", dir + "/none.json"});
            assertThat(missing[0]).as(command).isEqualTo("1");
            assertThat(missing[2]).contains("--weights " + dir + "/none.json does not exist");
        }
    }
}
