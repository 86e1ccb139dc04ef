package org.mempred.lab.sim;

import org.mempred.govern.Placement;
import org.mempred.lab.workload.Characteristic;
import org.mempred.lab.workload.Workload;

/** Whether a workload offers what a placement needs, checked before a run starts. */
public final class PlacementCheck {
    private PlacementCheck() {}

    /** Whether {@code workload}'s streams carry what {@code placement} reads. */
    public static boolean fits(Placement placement, Workload workload) {
        return !placement.needsSites() || workload.characteristics().contains(Characteristic.SITES);
    }

    /**
     * @throws IllegalArgumentException in one line naming the placement, the workload and what is
     *     missing, when the placement reads sites and the workload's streams carry none
     */
    public static void require(Placement placement, Workload workload) {
        if (!fits(placement, workload)) {
            throw new IllegalArgumentException("placement '" + placement.id() + "' needs allocation sites, but "
                    + workload.name()
                    + " has none (a mempred-trace v1 file or an AOSP memory_replay dump); use a v2 trace"
                    + " (mempred capture writes v2) or a placement without sites: tlsf, size-class, oracle-lifetime");
        }
    }
}
