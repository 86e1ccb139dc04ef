package org.mempred.lab.sim;

import org.mempred.predict.FutureView;
import org.mempred.predict.LabelListener;

/**
 * What a simulated run is given besides its workload, policy and seed, and what watches it; every
 * part is optional.
 *
 * @param future the true future, for policies that read it ({@code oracle}); null otherwise
 * @param trace receives the pressure at every governor tick; null for none
 * @param labels sees every delayed label of the governor's predictor (e.g. a {@code TrainingSetRecorder})
 * @param timeline records the state at every tick, for charts; null for none
 */
public record Probes(FutureView future, PressureTrace trace, LabelListener labels, Timeline timeline) {
    /** Nothing given, nothing watching. */
    public static final Probes NONE = new Probes(null, null, LabelListener.NONE, null);

    /** Requires {@code labels} ({@link LabelListener#NONE} for none). */
    public Probes {
        if (labels == null) {
            throw new IllegalArgumentException("labels is required: use LabelListener.NONE for none");
        }
    }

    /** A copy reading {@code view} as the true future. */
    public Probes withFuture(FutureView view) {
        return new Probes(view, trace, labels, timeline);
    }

    /** A copy recording pressure into {@code pressureTrace}. */
    public Probes withTrace(PressureTrace pressureTrace) {
        return new Probes(future, pressureTrace, labels, timeline);
    }

    /** A copy showing labels to {@code listener}. */
    public Probes withLabels(LabelListener listener) {
        return new Probes(future, trace, listener, timeline);
    }

    /** A copy recording into {@code ticks}. */
    public Probes withTimeline(Timeline ticks) {
        return new Probes(future, trace, labels, ticks);
    }
}
