package org.mempred.cli.shell;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mempred.cli.Sizes;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;
import org.mempred.heap.Handles;
import org.mempred.heap.HeapMap;
import org.mempred.heap.HeapStats;

/** The shell's {@code heap ...} commands: drive the live heap by hand. */
final class HeapCommands {
    private static final int MAP_WIDTH = 64;

    private final CompactingHeap heap;

    HeapCommands(CompactingHeap heap) {
        this.heap = heap;
    }

    void execute(String[] words, String line, PrintWriter out) {
        String verb = words.length > 1 ? words[1] : "status";
        switch (verb) {
            case "status" -> status(out);
            case "alloc" -> alloc(words, out);
            case "free" -> {
                heap.free(handle(words));
                out.println("freed " + words[2]);
            }
            case "write" -> write(words, line, out);
            case "read" -> {
                byte[] bytes = heap.readAll(handle(words));
                out.println(printable(bytes));
            }
            case "pin" -> {
                heap.pin(handle(words));
                out.println("pinned " + words[2]);
            }
            case "unpin" -> {
                heap.unpin(handle(words));
                out.println("unpinned " + words[2]);
            }
            case "compact" -> compact(words, out);
            case "dump" -> out.println("[" + HeapMap.render(heap, MAP_WIDTH) + "]  # used  . free  + both  P pinned");
            default ->
                throw new IllegalArgumentException(
                        "heap '" + verb + "': expected status, alloc, free, write, read, pin, unpin, compact or dump");
        }
    }

    private void status(PrintWriter out) {
        HeapStats s = heap.stats();
        out.printf(
                Locale.ROOT,
                "heap: %d/%d bytes used (pressure %.1f %%), %d live blocks (%d pinned), %d free blocks,"
                        + " largest free %d, fragmentation %.3f%n",
                s.usedBytes(),
                s.capacityBytes(),
                100 * s.pressure(),
                s.liveBlocks(),
                s.pinnedBlocks(),
                s.freeBlocks(),
                s.largestFreeBytes(),
                s.fragmentation());
        out.printf(
                Locale.ROOT,
                "      %d allocations, %d frees, %d OOM events (%d fragmentation, %d exhaustion),"
                        + " %d compactions (%d direct), %d bytes moved%n",
                s.allocations(),
                s.frees(),
                s.oomEvents(),
                s.oomFragmentation(),
                s.oomExhaustion(),
                s.compactions(),
                s.directCompactions(),
                s.bytesMoved());
    }

    private void alloc(String[] words, PrintWriter out) {
        if (words.length < 3) {
            throw new IllegalArgumentException("usage: heap alloc SIZE [atomic]");
        }
        int size = Sizes.parseBytes(
                words[2], "SIZE", heap.capacityBytes(), "the heap's capacity of " + heap.capacityBytes() + " bytes");
        boolean atomic = words.length > 3 && words[3].equals("atomic");
        if (words.length > 3 && !atomic) {
            throw new IllegalArgumentException("heap alloc: '" + words[3] + "' is not 'atomic'");
        }
        long h = heap.tryAllocate(size, atomic ? AllocationMode.ATOMIC : AllocationMode.MAY_COMPACT);
        if (h == Handles.NONE) {
            out.println("OOM event: no block for " + size + " bytes (free " + heap.freeBytes() + ", largest free "
                    + heap.largestFreeBytes() + ")");
        } else {
            out.println("handle " + Handles.format(h) + " (" + size + " bytes)");
        }
    }

    private void write(String[] words, String line, PrintWriter out) {
        if (words.length < 4) {
            throw new IllegalArgumentException("usage: heap write H TEXT");
        }
        long h = handle(words);
        int at = line.indexOf(words[2], line.indexOf("write") + 5) + words[2].length();
        byte[] text = line.substring(at).strip().getBytes(StandardCharsets.UTF_8);
        heap.write(h, 0, text);
        out.println("wrote " + text.length + " bytes to " + words[2]);
    }

    private void compact(String[] words, PrintWriter out) {
        CompactionResult r = words.length > 2
                ? heap.compact(Sizes.parseBytes(words[2], "BUDGET", Integer.MAX_VALUE, "2147483647 bytes"))
                : heap.compact();
        out.printf(
                Locale.ROOT,
                "compacted: %d bytes in %d blocks moved, free blocks %d -> %d, largest free %d -> %d," + " %.1f us%n",
                r.bytesMoved(),
                r.blocksMoved(),
                r.freeBlocksBefore(),
                r.freeBlocksAfter(),
                r.largestFreeBefore(),
                r.largestFreeAfter(),
                r.wallNanos() / 1e3);
    }

    private static long handle(String[] words) {
        if (words.length < 3) {
            throw new IllegalArgumentException("usage: heap " + words[1] + " H (a handle such as 3:1)");
        }
        return Handles.parse(words[2]);
    }

    /** Text as is where printable, other bytes as \xNN; trailing zero bytes shown as a count. */
    static String printable(byte[] bytes) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] == 0) {
            end--;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < end; i++) {
            int b = bytes[i] & 0xFF;
            text.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : String.format("\\x%02x", b));
        }
        if (end < bytes.length) {
            text.append(" (+").append(bytes.length - end).append(" zero bytes)");
        }
        return text.toString();
    }

    static int parseInt(String text, String what) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    what + "='" + text + "' is not a whole number from 0 to " + Integer.MAX_VALUE, e);
        }
    }
}
