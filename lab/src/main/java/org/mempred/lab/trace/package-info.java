/**
 * Allocation traces of real programs ({@code mempred-trace} v1 and v2, AOSP {@code memory_replay}
 * dumps; docs/design.md "Trace formats"): streaming byte-level readers that are
 * {@link org.mempred.lab.workload.EventStream}s, opened by content ({@link
 * org.mempred.lab.trace.TraceSource#open}), a first
 * pass that summarises a trace (peak live bytes, events, duration), the sizing of a replay heap,
 * and the seeded decoration that turns a trace into a lab workload.
 */
package org.mempred.lab.trace;
