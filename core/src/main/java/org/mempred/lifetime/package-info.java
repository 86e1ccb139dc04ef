/**
 * Lifetime prediction for placement: {@link org.mempred.lifetime.LifetimeClass} (log-scale
 * classes of a block's lifetime), the {@link org.mempred.lifetime.LifetimePredictor} contract and
 * its predictors that need no network ({@code site-table}, {@code size-class},
 * {@code oracle-lifetime}). The heap's lifetime spans ask a predictor at each allocation and
 * tell it each freed block's observed class. Depends on the JDK only.
 */
package org.mempred.lifetime;
