/**
 * Live mode: the heap and governor on the real clock, their METRIC lines (named in {@code
 * org.mempred.metrics}, which the simulator shares) and JMX MXBeans.
 */
package org.mempred.live;
