/**
 * The safety-case catalogue: each scenario of the governor's safety rules (docs/design.md "One
 * governor tick") as a value that runs itself against a real governor and heap and reports what
 * was expected, what happened and whether that passes. The core tests assert every case, and the
 * lab's reproduction prints the same cases as its safety table.
 */
package org.mempred.govern.safety;
