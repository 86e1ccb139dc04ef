/**
 * The governor: the autonomy loop that samples the heap, predicts, decides and compacts, under
 * hard safety limits (invalid-prediction fallback, compaction rate limit, watchdog).
 */
package org.mempred.govern;
