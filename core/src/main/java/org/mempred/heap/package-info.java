/** The compacting heap. */
package org.mempred.heap;
