package org.mempred.predict;

import java.util.List;

/**
 * The registry of named predictors: {@code persistence}, {@code holt}, {@code zgc}, {@code
 * neural} and {@code oracle} (docs/design.md "Definitions"). Unknown names throw, listing the valid ones.
 */
public final class Predictors {
    /** Future = now. */
    public static final String PERSISTENCE = "persistence";

    /** Double exponential smoothing. */
    public static final String HOLT = "holt";

    /** ZGC director's allocation-rate rule. */
    public static final String ZGC = "zgc";

    /** The online n→8→1 network. */
    public static final String NEURAL = "neural";

    /** Reads the true future; upper bound only. */
    public static final String ORACLE = "oracle";

    /** Every name, baselines first. */
    public static final List<String> NAMES = List.of(PERSISTENCE, HOLT, ZGC, NEURAL, ORACLE);

    private Predictors() {}

    /** A new predictor called {@code name}, configured by {@code config}. */
    public static Predictor create(String name, PredictorConfig config) {
        return switch (name) {
            case PERSISTENCE -> new PersistencePredictor(config);
            case HOLT -> new HoltPredictor(config);
            case ZGC -> new ZgcPredictor(config);
            case NEURAL -> new NeuralPredictor(config);
            case ORACLE -> new OraclePredictor(config);
            default ->
                throw new IllegalArgumentException(
                        "unknown predictor '" + name + "'; valid names: " + String.join(", ", NAMES));
        };
    }
}
