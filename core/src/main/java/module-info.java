/**
 * mempred's core: the compacting heap, telemetry, predictors, compaction policies, the governor
 * and its live (real-clock) form with METRIC lines, JMX and flight-recorder events. Depends on
 * nothing but the JDK ({@code java.management} for the MXBeans, {@code jdk.jfr} for the events).
 *
 * <p>Every package an embedding application uses is exported, the flight-recorder event types
 * among them (so a consumer can name them); nothing else is in the module.
 */
module org.mempred.core {
    requires java.management;
    requires transitive jdk.jfr;

    exports org.mempred.heap;
    exports org.mempred.jfr;
    exports org.mempred.lifetime;
    exports org.mempred.telemetry;
    exports org.mempred.predict;
    exports org.mempred.predict.accuracy;
    exports org.mempred.predict.neural;
    exports org.mempred.govern;
    exports org.mempred.live;
    exports org.mempred.metrics;
}
