package org.mempred.lab.reproduce;

/**
 * What one section built: its part of the report and the typed result that later sections and the
 * summary are given, explicitly, by {@link Reproduction} (nothing is left behind for them to find).
 *
 * @param section the section's blocks and data
 * @param result what it measured for others
 * @param <T> the kind of result
 */
record Part<T>(Section section, T result) {}
