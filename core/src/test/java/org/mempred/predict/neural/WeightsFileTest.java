package org.mempred.predict.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.NeuralConfig;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.PredictionLoop;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.SyntheticSeries;
import org.mempred.telemetry.Sample;

class WeightsFileTest {
    @TempDir
    Path directory;

    private static NeuralWeights trainedWeights(FeatureSet featureSet) {
        List<Sample> samples = SyntheticSeries.samples(SyntheticSeries.burstPressures(600, 5), 5);
        NeuralPredictor predictor = new NeuralPredictor(PredictorConfig.DEFAULTS.withFeatureSet(featureSet));
        PredictionLoop loop = new PredictionLoop(predictor);
        samples.forEach(loop::step);
        return predictor.weights();
    }

    @Test
    void savedWeightsLoadBackBitForBit() throws IOException {
        for (FeatureSet featureSet : FeatureSet.values()) {
            NeuralWeights weights = trainedWeights(featureSet);
            Path file = directory.resolve(featureSet.id() + ".json");

            WeightsFile.save(file, weights, "test \"run\"\n");

            assertThat(WeightsFile.load(file)).isEqualTo(weights);
            assertThat(WeightsFile.load(file, PredictorConfig.DEFAULTS.withFeatureSet(featureSet)))
                    .isEqualTo(weights);
        }
    }

    @Test
    void aPredictorStartedFromLoadedWeightsPredictsLikeTheOriginal() throws IOException {
        NeuralWeights weights = trainedWeights(FeatureSet.SEED);
        Path file = directory.resolve("w.json");
        WeightsFile.save(file, weights, "test");
        NeuralPredictor original = new NeuralPredictor(PredictorConfig.DEFAULTS, weights);
        NeuralPredictor loaded = new NeuralPredictor(PredictorConfig.DEFAULTS, WeightsFile.load(file));

        for (Sample sample : SyntheticSeries.samples(SyntheticSeries.rampPressures(300), 9)) {
            double[] features = {sample.pressure(), 0.25, 0.5, 0.1};
            assertThat(loaded.predict(sample, features)).isEqualTo(original.predict(sample, features));
            loaded.learn(features, sample.pressure());
            original.learn(features, sample.pressure());
        }
    }

    @Test
    void theFileIsSmallVersionedJsonNamingItsShape() {
        String json = WeightsFile.toJson(trainedWeights(FeatureSet.SEED), "offline");

        assertThat(json)
                .contains("\"format\": \"mempred-weights\"")
                .contains("\"version\": 1")
                .contains("\"featureSet\": \"seed\"")
                .contains("\"inputs\": 4")
                .contains("\"hiddenUnits\": 8")
                .containsPattern("\"checksum\": \"crc32:[0-9a-f]{8}\"");
        assertThat(json.length()).isLessThan(4_096);
    }

    @Test
    void anEditedNumberIsCaughtByTheChecksumAndTheErrorNamesTheFile() throws IOException {
        Path file = directory.resolve("edited.json");
        WeightsFile.save(file, trainedWeights(FeatureSet.SEED), "test");
        String text = Files.readString(file);
        int parameters = text.indexOf("\"parameters\"");
        int digit = text.indexOf('.', parameters) + 1;
        char replaced = text.charAt(digit) == '7' ? '3' : '7';
        Files.writeString(file, text.substring(0, digit) + replaced + text.substring(digit + 1));

        assertThatThrownBy(() -> WeightsFile.load(file))
                .isInstanceOf(InvalidWeightsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("checksum")
                .hasMessageContaining("corrupt");
    }

    @Test
    void aTruncatedFileIsRejectedAsMalformed() throws IOException {
        Path file = directory.resolve("truncated.json");
        String json = WeightsFile.toJson(trainedWeights(FeatureSet.SEED), "test");
        Files.writeString(file, json.substring(0, json.length() / 2));

        assertThatThrownBy(() -> WeightsFile.load(file))
                .isInstanceOf(InvalidWeightsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("JSON syntax");
    }

    @Test
    void aBinaryFileIsRejectedNamingTheFile() throws IOException {
        Path file = directory.resolve("binary.json");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x01});

        assertThatThrownBy(() -> WeightsFile.load(file))
                .isInstanceOf(InvalidWeightsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not UTF-8 text");
    }

    @Test
    void anotherFormatVersionIsRejectedSayingWhichVersionsAreReadable() {
        String json =
                WeightsFile.toJson(trainedWeights(FeatureSet.SEED), "test").replace("\"version\": 1", "\"version\": 2");

        assertThatThrownBy(() -> WeightsFile.fromJson(json, "v2.json"))
                .isInstanceOf(InvalidWeightsException.class)
                .hasMessage("weights file v2.json: format version 2 is not supported (this build reads version 1)");
    }

    @Test
    void weightsForAnotherNetworkAreRejectedWhenLoadedForAConfiguration() throws IOException {
        Path file = directory.resolve("rich.json");
        WeightsFile.save(file, trainedWeights(FeatureSet.RICH), "test");

        assertThatThrownBy(() -> WeightsFile.load(file, PredictorConfig.DEFAULTS))
                .isInstanceOf(InvalidWeightsException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("trained on feature set 'rich', but the predictor reads 'seed'");
        PredictorConfig wider = PredictorConfig.DEFAULTS
                .withFeatureSet(FeatureSet.RICH)
                .withNeural(new NeuralConfig(16, 0.01, 1.0, 0.5, 1000.0));
        assertThatThrownBy(() -> WeightsFile.load(file, wider))
                .isInstanceOf(InvalidWeightsException.class)
                .hasMessageContaining("has 8 hidden units, but the predictor has 16");
    }

    @Test
    void shapeAndContentDefectsAreNamed() {
        String json = WeightsFile.toJson(trainedWeights(FeatureSet.SEED), "test");

        assertRejected(json.replace("\"inputs\": 4", "\"inputs\": 6"), "inputs=6 does not match feature set 'seed'");
        assertRejected(
                json.replace("\"featureSet\": \"seed\"", "\"featureSet\": \"fancy\""),
                "unknown feature set 'fancy'; valid names: seed, rich");
        assertRejected(
                json.replace("\"format\": \"mempred-weights\"", "\"format\": \"other\""),
                "format is \"other\", expected \"mempred-weights\"");
        assertRejected(json.replace("\"outputs\": 1", "\"outputs\": 2"), "outputs=2 must be 1");
        assertRejected(json.replace("\"outputs\": 1,", "\"outputs\": 1, \"extra\": true,"), "unexpected key \"extra\"");
        assertRejected(
                json.replace("\"hiddenUnits\": 8", "\"hiddenUnits\": 7"), "\"parameters\" must be an array of 43");
        assertRejected(json.replace("\"inputSamples\": ", "\"inputSamples\": -"), "\"inputSamples\" is missing or not");
        assertRejected(
                json.replace("\"parameters\": [\n    ", "\"parameters\": [\n    0.5, "),
                "\"parameters\" must be an array of 49");
        assertRejected(
                json.replaceFirst("(\"parameters\": \\[\\n    )[^,]+", "$11e999"),
                "parameters[0]=Infinity is not a finite number");
        assertRejected(
                json.replaceFirst("(\"inputVariances\": \\[\\n    )[^,]+", "$1-1.0"),
                "inputVariances[0]=-1.0 is negative");
        assertRejected("[]", "the top level is not a JSON object");
    }

    @Test
    void readsFromAStreamNamingTheSource() throws IOException {
        NeuralWeights weights = trainedWeights(FeatureSet.SEED);
        byte[] bytes = WeightsFile.toJson(weights, "r").getBytes(StandardCharsets.UTF_8);

        assertThat(WeightsFile.read(new ByteArrayInputStream(bytes), "classpath:w.json"))
                .isEqualTo(weights);
        assertThatThrownBy(() -> WeightsFile.read(new ByteArrayInputStream(new byte[0]), "classpath:empty.json"))
                .hasMessageContaining("weights file classpath:empty.json: JSON syntax");
    }

    @Test
    void theExceptionCarriesTheSourceAndTheProblemApart() {
        InvalidWeightsException e = new InvalidWeightsException("w.json", "bad");

        assertThat(e.source()).isEqualTo("w.json");
        assertThat(e.problem()).isEqualTo("bad");
        assertThat(e).hasMessage("weights file w.json: bad");
    }

    private static void assertRejected(String json, String problem) {
        assertThatThrownBy(() -> WeightsFile.fromJson(json, "bad.json"))
                .isInstanceOf(InvalidWeightsException.class)
                .hasMessageContaining("weights file bad.json: ")
                .hasMessageContaining(problem);
    }
}
