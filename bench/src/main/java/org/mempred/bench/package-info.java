/** JMH benchmarks. */
package org.mempred.bench;
