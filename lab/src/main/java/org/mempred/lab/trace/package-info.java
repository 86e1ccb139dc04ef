/**
 * Allocation traces of real programs ({@code mempred-trace} v1 and v2, docs/design.md "Trace format"):
 * a streaming byte-level reader that is an {@link org.mempred.lab.workload.EventStream}, a first
 * pass that summarises a trace (peak live bytes, events, duration), the sizing of a replay heap,
 * and the seeded decoration that turns a trace into a lab workload.
 */
package org.mempred.lab.trace;
