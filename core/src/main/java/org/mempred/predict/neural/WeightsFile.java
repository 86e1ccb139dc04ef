package org.mempred.predict.neural;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.PredictorConfig;

/**
 * Saves and loads {@link NeuralWeights} as a small versioned JSON file:
 *
 * <pre>
 *   {
 *     "format": "mempred-weights",
 *     "version": 1,
 *     "featureSet": "seed",
 *     "inputs": 4,
 *     "hiddenUnits": 8,
 *     "outputs": 1,
 *     "origin": "free text: how the weights were made",
 *     "inputMeans": [ 4 numbers ],        input normaliser statistics, one per input
 *     "inputVariances": [ 4 numbers ],
 *     "inputSamples": 1234,
 *     "parameters": [ 49 numbers in Mlp's flat layout: W1 by hidden unit, b1, w2, b2 ],
 *     "checksum": "crc32:89abcdef"
 *   }
 * </pre>
 *
 * <p>The checksum is the CRC-32 of {@code
 * "mempred-weights|1|<featureSet>|<inputs>|<hidden>|1|<inputSamples>|"} in UTF-8 followed by the
 * IEEE-754 bits (8 bytes, big-endian) of every input mean, input variance and parameter, in that
 * order, so any edit of a number, the shape or the feature set is caught even when the JSON stays
 * well-formed; {@code origin} is informational and not covered. Numbers are written with {@link Double#toString},
 * which reads back to the identical double. Loading rejects, with an {@link
 * InvalidWeightsException} naming the file: malformed JSON, another format or version, unknown or
 * missing keys, a shape that does not match the feature set, non-finite numbers, a wrong checksum,
 * and (with an expected configuration) weights for another feature set or hidden width.
 */
public final class WeightsFile {
    /** Value of the {@code "format"} key. */
    public static final String FORMAT = "mempred-weights";

    /** The format version this build writes and reads. */
    public static final int VERSION = 1;

    private static final Set<String> KEYS = Set.of(
            "format",
            "version",
            "featureSet",
            "inputs",
            "hiddenUnits",
            "outputs",
            "origin",
            "inputMeans",
            "inputVariances",
            "inputSamples",
            "parameters",
            "checksum");

    /** Largest hidden layer a file may declare (guards array sizes against corrupt files). */
    static final int MAX_HIDDEN_UNITS = 4096;

    private WeightsFile() {}

    /** Writes {@code weights} to {@code file}, with {@code origin} saying how they were made. */
    public static void save(Path file, NeuralWeights weights, String origin) throws IOException {
        Files.writeString(file, toJson(weights, origin), StandardCharsets.UTF_8);
    }

    /** Reads weights from {@code file}; any defect throws {@link InvalidWeightsException}. */
    public static NeuralWeights load(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InvalidWeightsException(file.toString(), "not UTF-8 text (" + e + ")");
        }
        return fromJson(text, file.toString());
    }

    /** Reads weights from {@code file} and checks that they fit {@code config}'s network. */
    public static NeuralWeights load(Path file, PredictorConfig config) throws IOException {
        NeuralWeights weights = load(file);
        if (weights.featureSet() != config.featureSet()) {
            throw new InvalidWeightsException(
                    file.toString(),
                    "trained on feature set '" + weights.featureSet().id() + "', but the predictor reads '"
                            + config.featureSet().id() + "'");
        }
        if (weights.hiddenUnits() != config.neural().hiddenUnits()) {
            throw new InvalidWeightsException(
                    file.toString(),
                    "has " + weights.hiddenUnits() + " hidden units, but the predictor has "
                            + config.neural().hiddenUnits());
        }
        return weights;
    }

    /** Reads weights from {@code in} (e.g. a class-path resource) called {@code source}. */
    public static NeuralWeights read(InputStream in, String source) throws IOException {
        return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
    }

    /** The file text for {@code weights}. */
    public static String toJson(NeuralWeights weights, String origin) {
        StringBuilder json = new StringBuilder(2048);
        json.append("{\n  \"format\": \"").append(FORMAT).append("\",\n");
        json.append("  \"version\": ").append(VERSION).append(",\n");
        json.append("  \"featureSet\": \"").append(weights.featureSet().id()).append("\",\n");
        json.append("  \"inputs\": ").append(weights.inputs()).append(",\n");
        json.append("  \"hiddenUnits\": ").append(weights.hiddenUnits()).append(",\n");
        json.append("  \"outputs\": 1,\n");
        json.append("  \"origin\": ");
        JsonStrings.quote(json, origin);
        json.append(",\n");
        appendNumbers(json, "inputMeans", weights.inputMeans());
        appendNumbers(json, "inputVariances", weights.inputVariances());
        json.append("  \"inputSamples\": ").append(weights.inputSamples()).append(",\n");
        appendNumbers(json, "parameters", weights.parameters());
        json.append("  \"checksum\": \"").append(checksum(weights)).append("\"\n}\n");
        return json.toString();
    }

    private static void appendNumbers(StringBuilder json, String key, double[] values) {
        json.append("  \"").append(key).append("\": [");
        for (int k = 0; k < values.length; k++) {
            json.append(k % 4 == 0 ? "\n    " : " ").append(values[k]).append(k + 1 < values.length ? "," : "");
        }
        json.append("\n  ],\n");
    }

    /** Parses and validates the text of a weights file read from {@code source}. */
    static NeuralWeights fromJson(String text, String source) throws InvalidWeightsException {
        try {
            return WeightsParser.parse(JsonReader.parse(text), KEYS);
        } catch (IllegalArgumentException e) {
            throw new InvalidWeightsException(source, e.getMessage());
        }
    }

    /** {@code "crc32:"} and eight hex digits over the canonical content (see class comment). */
    static String checksum(NeuralWeights weights) {
        CRC32 crc = new CRC32();
        String header = FORMAT + "|" + VERSION + "|" + weights.featureSet().id() + "|" + weights.inputs() + "|"
                + weights.hiddenUnits() + "|1|" + weights.inputSamples() + "|";
        crc.update(header.getBytes(StandardCharsets.UTF_8));
        updateBits(crc, weights.inputMeans());
        updateBits(crc, weights.inputVariances());
        updateBits(crc, weights.parameters());
        return String.format(Locale.ROOT, "crc32:%08x", crc.getValue());
    }

    private static void updateBits(CRC32 crc, double[] values) {
        byte[] bits = new byte[Long.BYTES];
        for (double value : values) {
            long raw = Double.doubleToLongBits(value);
            for (int b = 0; b < Long.BYTES; b++) {
                bits[b] = (byte) (raw >>> (56 - 8 * b));
            }
            crc.update(bits);
        }
    }

    /** Turns the parsed JSON tree into weights, throwing on the first defect. */
    private static final class WeightsParser {
        private WeightsParser() {}

        static NeuralWeights parse(Object root, Set<String> keys) {
            if (!(root instanceof Map<?, ?> members)) {
                throw new IllegalArgumentException("the top level is not a JSON object");
            }
            for (Object key : members.keySet()) {
                if (!keys.contains(key)) {
                    throw new IllegalArgumentException("unexpected key \"" + key + "\"");
                }
            }
            String format = text(members, "format");
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException("format is \"" + format + "\", expected \"" + FORMAT + "\"");
            }
            int version = integer(members, "version");
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        "format version " + version + " is not supported (this build reads version " + VERSION + ")");
            }
            text(members, "origin");
            NeuralWeights weights = shapedWeights(members);
            String stored = text(members, "checksum");
            String actual = checksum(weights);
            if (!actual.equals(stored)) {
                throw new IllegalArgumentException("checksum " + stored + " does not match the contents (" + actual
                        + "): the file is corrupt or was edited");
            }
            return weights;
        }

        private static NeuralWeights shapedWeights(Map<?, ?> members) {
            FeatureSet featureSet = FeatureSet.byName(text(members, "featureSet"));
            int inputs = integer(members, "inputs");
            if (inputs != featureSet.width()) {
                throw new IllegalArgumentException("inputs=" + inputs + " does not match feature set '"
                        + featureSet.id() + "' of width " + featureSet.width());
            }
            int hidden = integer(members, "hiddenUnits");
            int outputs = integer(members, "outputs");
            if (hidden < 1 || hidden > MAX_HIDDEN_UNITS || outputs != 1) {
                throw new IllegalArgumentException("hiddenUnits=" + hidden + " must lie in [1, " + MAX_HIDDEN_UNITS
                        + "] and outputs=" + outputs + " must be 1");
            }
            double[] parameters = numbers(members, "parameters", NeuralWeights.parameterCount(inputs, hidden));
            double[] means = numbers(members, "inputMeans", inputs);
            double[] variances = numbers(members, "inputVariances", inputs);
            double samples = integer(members, "inputSamples", Long.MAX_VALUE);
            return new NeuralWeights(featureSet, hidden, parameters, means, variances, (long) samples);
        }

        private static double[] numbers(Map<?, ?> members, String key, int expected) {
            if (!(members.get(key) instanceof List<?> list) || list.size() != expected) {
                throw new IllegalArgumentException("\"" + key + "\" must be an array of " + expected + " numbers");
            }
            double[] values = new double[expected];
            for (int k = 0; k < expected; k++) {
                if (!(list.get(k) instanceof Double value) || !Double.isFinite(value)) {
                    throw new IllegalArgumentException(key + "[" + k + "]=" + list.get(k) + " is not a finite number");
                }
                values[k] = value;
            }
            return values;
        }

        private static String text(Map<?, ?> members, String key) {
            if (!(members.get(key) instanceof String value)) {
                throw new IllegalArgumentException("\"" + key + "\" is missing or not a string");
            }
            return value;
        }

        private static int integer(Map<?, ?> members, String key) {
            return (int) integer(members, key, Integer.MAX_VALUE);
        }

        /** The whole number under {@code key}, in [0, max]; JSON numbers are doubles. */
        private static double integer(Map<?, ?> members, String key, double max) {
            if (!(members.get(key) instanceof Double value) || !(value >= 0.0 && value <= max) || value % 1.0 > 0.0) {
                throw new IllegalArgumentException(
                        "\"" + key + "\" is missing or not a whole number in [0, " + max + "]");
            }
            return value;
        }
    }
}
