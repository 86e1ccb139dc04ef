package org.mempred.lab.workload;

/**
 * A set of live block ids supporting O(1) add, remove and uniform random pick: a dense array of
 * ids plus each id's position in it (swap-with-last removal), and the pool's total bytes.
 */
final class LivePool {
    private final int[] ids;
    private final int[] positionById;
    private int count;
    private long bytes;

    LivePool(int maxIds) {
        this.ids = new int[maxIds];
        this.positionById = new int[maxIds];
    }

    void add(int id, int sizeBytes) {
        positionById[id] = count;
        ids[count++] = id;
        bytes += sizeBytes;
    }

    void remove(int id, int sizeBytes) {
        int position = positionById[id];
        int last = ids[--count];
        ids[position] = last;
        positionById[last] = position;
        bytes -= sizeBytes;
    }

    int idAt(int index) {
        return ids[index];
    }

    int count() {
        return count;
    }

    long bytes() {
        return bytes;
    }
}
