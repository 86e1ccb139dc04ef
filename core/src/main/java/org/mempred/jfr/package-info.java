/**
 * JDK Flight Recorder events of the heap and the governor: {@code mempred.Compaction},
 * {@code mempred.OomEvent} and {@code mempred.GovernorDecision}, in the category {@code mempred},
 * seen in JDK Mission Control and by {@code jfr print --events mempred.Compaction rec.jfr}.
 *
 * <p>{@code jdk.jfr} is part of the JDK, so {@code core} stays JDK-only. Each event is emitted at
 * one place, where the heap or governor already counts what it records (the compaction runner's
 * count, the allocator's OOM count, the decision log), and only when a recording has it enabled:
 * every emitter asks a shared probe instance ({@code isEnabled()} reads the event type's setting,
 * no instance state) before it creates an event, so with JFR off the hot path allocates nothing.
 *
 * <p>Layering: below {@code heap} and {@code govern}, which call it with plain values; it reads
 * neither.
 */
package org.mempred.jfr;
