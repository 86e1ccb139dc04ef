package org.mempred.cli.shell;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.mempred.cli.options.Sizes;
import org.mempred.heap.Allocation;
import org.mempred.heap.AllocationMode;
import org.mempred.heap.AllocationRequest;
import org.mempred.heap.CompactingHeap;
import org.mempred.heap.CompactionResult;
import org.mempred.heap.Handles;
import org.mempred.heap.HeapMap;
import org.mempred.heap.HeapStats;
import org.mempred.live.LiveSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The shell's {@code heap ...} commands: drive the live heap by hand ({@code heap} alone is
 * {@code status}). {@code H} is a handle as {@code alloc} prints it ({@code slot:gen}), read by
 * {@link HandleConverter}.
 */
@Command(
        name = "heap",
        description = "Drive the heap by hand; H is a handle as printed by alloc (slot:gen). Default: status.")
final class HeapCommands implements Runnable {
    private static final int MAP_WIDTH = 64;

    private final LiveSystem system;
    private final CompactingHeap heap;
    private final AllocationRequest request = new AllocationRequest();

    @Spec
    private CommandSpec spec;

    HeapCommands(LiveSystem system) {
        this.system = system;
        this.heap = system.heap();
    }

    @Override
    public void run() {
        status();
    }

    @Command(name = "status", description = "Usage, blocks, fragmentation and counters.")
    void status() {
        PrintWriter out = out();
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

    @Command(name = "alloc", description = "Allocate SIZE bytes (atomic: never compacts to make room).")
    void alloc(
            @Parameters(
                            index = "0",
                            paramLabel = "SIZE",
                            converter = Sizes.Converter.class,
                            description = "e.g. 40, 1KiB")
                    int size,
            @Parameters(
                            index = "1",
                            arity = "0..1",
                            paramLabel = "atomic",
                            completionCandidates = Atomic.class,
                            description = "Fail rather than compact.")
                    String atomic) {
        if (size > heap.capacityBytes()) {
            throw new IllegalArgumentException(
                    "SIZE=" + size + " bytes is over the heap's capacity of " + heap.capacityBytes() + " bytes");
        }
        if (atomic != null && !atomic.equals("atomic")) {
            throw new IllegalArgumentException("heap alloc: '" + atomic + "' is not 'atomic'");
        }
        AllocationMode mode = atomic != null ? AllocationMode.ATOMIC : AllocationMode.MAY_COMPACT;
        Allocation outcome = system.allocate(request.of(size, mode));
        if (!outcome.succeeded()) {
            out().println("OOM event (" + outcome.oomKind().orElseThrow().name().toLowerCase(Locale.ROOT)
                    + "): no block for " + size + " bytes (free " + heap.freeBytes() + ", largest free "
                    + heap.largestFreeBytes() + ")");
        } else {
            out().println("handle " + Handles.format(outcome.handle()) + " (" + size + " bytes)");
        }
    }

    @Command(name = "free", description = "Free the block of H.")
    void free(@Parameters(paramLabel = "H", converter = HandleConverter.class) long handle) {
        heap.free(handle);
        out().println("freed " + Handles.format(handle));
    }

    @Command(name = "write", description = "Write TEXT (its words joined by one space) at the start of H's block.")
    void write(
            @Parameters(index = "0", paramLabel = "H", converter = HandleConverter.class) long handle,
            @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT") List<String> words) {
        byte[] text = String.join(" ", words).getBytes(StandardCharsets.UTF_8);
        heap.write(handle, 0, text);
        out().println("wrote " + text.length + " bytes to " + Handles.format(handle));
    }

    @Command(name = "read", description = "Print H's block: text where printable, \\xNN otherwise.")
    void read(@Parameters(paramLabel = "H", converter = HandleConverter.class) long handle) {
        out().println(printable(heap.readAll(handle)));
    }

    @Command(name = "pin", description = "Pin H's block: compaction does not move it.")
    void pin(@Parameters(paramLabel = "H", converter = HandleConverter.class) long handle) {
        heap.pin(handle);
        out().println("pinned " + Handles.format(handle));
    }

    @Command(name = "unpin", description = "Release one pin of H's block.")
    void unpin(@Parameters(paramLabel = "H", converter = HandleConverter.class) long handle) {
        heap.unpin(handle);
        out().println("unpinned " + Handles.format(handle));
    }

    @Command(name = "compact", description = "Compact the heap, moving at most BUDGET bytes (default: no limit).")
    void compact(@Parameters(arity = "0..1", paramLabel = "BUDGET", converter = Sizes.Converter.class) Integer budget) {
        CompactionResult r = budget != null ? heap.compact(budget) : heap.compact();
        out().printf(
                        Locale.ROOT,
                        "compacted: %d bytes in %d blocks moved, free blocks %d -> %d, largest free %d -> %d,"
                                + " %.1f us%n",
                        r.bytesMoved(),
                        r.blocksMoved(),
                        r.freeBlocksBefore(),
                        r.freeBlocksAfter(),
                        r.largestFreeBefore(),
                        r.largestFreeAfter(),
                        r.wallNanos() / 1e3);
    }

    @Command(name = "dump", description = "The heap's map: # used, . free, + both, P pinned.")
    void dump() {
        out().println("[" + HeapMap.render(heap, MAP_WIDTH) + "]  # used  . free  + both  P pinned");
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** {@code H}: a handle as {@code alloc} prints it. */
    static final class HandleConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            try {
                return Handles.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** The one word {@code alloc} takes after the size, for completion. */
    static final class Atomic implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("atomic").iterator();
        }
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
}
