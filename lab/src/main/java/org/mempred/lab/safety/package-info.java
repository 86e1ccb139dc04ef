/**
 * The safety-case catalogue: each scenario of the governor's safety rules (docs/design.md "One
 * governor tick") as a value that runs itself against a real governor and heap and reports what
 * was expected, what happened and whether that passes. A test harness, not part of the embeddable
 * core: the lab's tests assert every case, and the reproduction prints the same cases as its
 * safety table.
 */
package org.mempred.lab.safety;
