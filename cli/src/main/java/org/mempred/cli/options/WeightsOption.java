package org.mempred.cli.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mempred.lab.report.Json;
import org.mempred.predict.FeatureSet;
import org.mempred.predict.NeuralWeights;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.neural.InvalidWeightsException;
import org.mempred.predict.neural.WeightsFile;
import picocli.CommandLine.Option;

/**
 * {@code --weights FILE} ({@code @Mixin} of stress, replay and shell): the starting weights of
 * every {@code neural} policy of the run, as written by {@code mempred train --out}, instead of
 * the shipped pre-trained ones. The file is loaded and checked before any work: missing or
 * unreadable exits with 1, corrupt or made for another network with 2, each in one line.
 */
public final class WeightsOption {
    @Option(
            names = "--weights",
            paramLabel = "FILE",
            description = "Start every neural policy from these weights (written by mempred train --out) instead of"
                    + " the shipped pre-trained ones.")
    private Path file;

    /** The file given, or {@code null}. */
    public Path file() {
        return file;
    }

    /**
     * The weights in the file, checked against {@code config}'s network, or {@code null} without {@code --weights}.
     *
     * @throws CommandIoException when the file cannot be read
     * @throws IllegalArgumentException when it is not a usable weights file
     */
    public NeuralWeights load(PredictorConfig config) {
        if (file == null) {
            return null;
        }
        PathChecks.readableFile(file, "--weights");
        try {
            // neural reads the volume set, neural-largest the demand set and neural-peak the seed set:
            // check the file against the one it is for.
            FeatureSet set = WeightsFile.load(file).featureSet();
            PredictorConfig fitting = switch (set) {
                case VOLUME -> config.forVolume();
                case DEMAND -> config.forDemand();
                default -> config;
            };
            return WeightsFile.load(file, fitting);
        } catch (InvalidWeightsException e) {
            throw new IllegalArgumentException("--weights " + file + " is not usable: " + e.problem(), e);
        } catch (IOException e) {
            throw new CommandIoException("cannot read --weights " + file + ": " + PathChecks.reason(e), e);
        }
    }

    /**
     * How the header names the starting weights of the neural policies: the file and its origin,
     * which for a file of {@code mempred train} is the command that made it and the count of
     * labelled samples it was trained on (the count {@code train} printed).
     */
    public static String describe(Path file) {
        return file == null
                ? "neural starts from the shipped pre-trained weights (--weights FILE to change)"
                : "neural starts from " + file + " (" + origin(file) + ")";
    }

    /** The {@code origin} text of a weights file that {@link #load} has checked. */
    private static String origin(Path file) {
        try {
            return Json.read(Files.readString(file, StandardCharsets.UTF_8))
                    .get("origin")
                    .asString();
        } catch (IOException e) {
            throw new CommandIoException("cannot read --weights " + file + ": " + PathChecks.reason(e), e);
        }
    }
}
