/** Live mode: the heap and governor on the real clock, METRIC lines and JMX MXBeans. */
package org.mempred.live;
