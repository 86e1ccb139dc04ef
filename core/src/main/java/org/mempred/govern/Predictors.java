package org.mempred.govern;

import java.util.List;
import org.mempred.predict.HoltPredictor;
import org.mempred.predict.OraclePredictor;
import org.mempred.predict.PersistencePredictor;
import org.mempred.predict.Predictor;
import org.mempred.predict.PredictorConfig;
import org.mempred.predict.ZgcPredictor;
import org.mempred.predict.neural.NeuralPredictor;

/**
 * The registry of named predictors: {@code persistence}, {@code holt}, {@code zgc}, {@code
 * neural} and {@code oracle} (docs/design.md "Definitions"). Unknown names throw, listing the valid ones.
 *
 * <p>It sits in {@code govern}, next to {@link Policies} which names predictors inside policies,
 * because it is the one place that knows every implementation: the baselines in {@code
 * org.mempred.predict} and the network in {@code org.mempred.predict.neural}. Each implementation
 * declares its own {@code NAME}; this class only lists and creates them.
 */
public final class Predictors {
    /** Future = now. */
    public static final String PERSISTENCE = PersistencePredictor.NAME;

    /** Double exponential smoothing. */
    public static final String HOLT = HoltPredictor.NAME;

    /** ZGC director's allocation-rate rule. */
    public static final String ZGC = ZgcPredictor.NAME;

    /** The online n→8→1 network. */
    public static final String NEURAL = NeuralPredictor.NAME;

    /** Reads the true future; upper bound only. */
    public static final String ORACLE = OraclePredictor.NAME;

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
