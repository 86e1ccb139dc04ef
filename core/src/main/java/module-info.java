/**
 * mempred's core: the compacting heap, telemetry, predictors, compaction policies, the governor
 * and its live (real-clock) form with METRIC lines and JMX. Depends on nothing but the JDK
 * ({@code java.management} for the MXBeans).
 *
 * <p>Every package an embedding application uses is exported. The one that is not API,
 * {@code org.mempred.govern.safety} (the safety-case catalogue: scenarios that inject faulty
 * predictors into a governor and report the outcome), is exported only to the lab, whose report
 * prints the catalogue; on the class path, where the lab and the command line run, a module
 * declaration restricts nothing.
 */
// The lab is an automatic module (no descriptor of its own), so it is absent when core compiles.
@SuppressWarnings("module")
module org.mempred.core {
    requires java.management;

    exports org.mempred.heap;
    exports org.mempred.lifetime;
    exports org.mempred.telemetry;
    exports org.mempred.predict;
    exports org.mempred.predict.accuracy;
    exports org.mempred.predict.neural;
    exports org.mempred.govern;
    exports org.mempred.live;
    exports org.mempred.metrics;
    exports org.mempred.govern.safety to
            org.mempred.lab;
}
