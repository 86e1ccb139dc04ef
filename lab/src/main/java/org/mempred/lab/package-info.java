/** The lab: virtual-clock simulator, workloads, trace replay, experiments and reports. */
package org.mempred.lab;
