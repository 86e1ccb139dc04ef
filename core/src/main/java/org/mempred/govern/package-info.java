/**
 * The governor: the autonomy loop that samples the heap, predicts, decides and compacts, under
 * hard safety limits (invalid-prediction fallback, compaction rate limit, watchdog).
 *
 * <p>It also holds the two registries read at the command-line edge: {@link
 * org.mempred.govern.Policies} (policies by name) and {@link org.mempred.govern.PolicySpec.Forecaster}
 * (forecasters by name, and which targets each forecasts). The forecaster registry sits here rather
 * than in {@code predict} because it creates every implementation, the baselines in {@code predict}
 * and the network in {@code predict.neural}: below both it would close a package cycle.
 */
package org.mempred.govern;
