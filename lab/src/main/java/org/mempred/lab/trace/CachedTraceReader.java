package org.mempred.lab.trace;

import com.carrotsearch.hppc.LongIntHashMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Set;
import org.mempred.heap.Granules;
import org.mempred.lab.workload.Characteristic;
import org.mempred.lab.workload.EventKind;
import org.mempred.lab.workload.HeapEvent;
import org.mempred.lab.workload.IdMaps;

/**
 * Reads the records of a {@link TraceCache} (layout there) back as the events the trace's own
 * reader returned. The counters of live bytes, allocations and events are recounted as the events
 * pass (one hash-map probe each, as the text readers do); what only the decoding pass saw, the
 * skipped frees of unknown ids and the raised times, comes from its summary. Cost per event: a few
 * byte reads, no allocation; one {@code read} per {@value TraceCache#BUFFER_BYTES} bytes.
 */
final class CachedTraceReader implements TraceSource {
    private final FileChannel channel;
    private final TraceSummary summary;
    private final byte[] buf = new byte[TraceCache.BUFFER_BYTES];
    private final ByteBuffer view = ByteBuffer.wrap(buf);
    private final HeapEvent event = new HeapEvent();
    private final LongIntHashMap live = IdMaps.toInt();
    private int pos;
    private int limit;
    private boolean eof;
    private long timeNanos;
    private int thread;

    private long events;
    private long allocations;
    private long liveBytes;
    private long peakLiveBytes;
    private int maxRequestBytes;

    CachedTraceReader(FileChannel channel, TraceSummary summary) {
        this.channel = channel;
        this.summary = summary;
    }

    @Override
    public boolean next() {
        if (limit - pos < TraceCache.MAX_RECORD_BYTES && !eof) {
            refill();
        }
        if (pos == limit) {
            return false;
        }
        int flags = buf[pos++];
        timeNanos += varint();
        long id = varint();
        if ((flags & TraceCache.FREE) == 0) {
            int size = (int) varint();
            long site = HeapEvent.NO_SITE;
            if ((flags & TraceCache.SITE) != 0) {
                for (int i = 0; i < Long.BYTES; i++) {
                    site = site << 8 | (buf[pos++] & 0xFF);
                }
            }
            readThread(flags);
            event.allocate(timeNanos, id, size, false, site).thread(thread);
            live.put(id, size);
            allocations++;
            maxRequestBytes = Math.max(maxRequestBytes, size);
            liveBytes += Granules.roundUp(size);
            peakLiveBytes = Math.max(peakLiveBytes, liveBytes);
        } else {
            readThread(flags);
            event.other(timeNanos, EventKind.FREE, id).thread(thread);
            liveBytes -= Granules.roundUp(live.remove(id));
        }
        events++;
        return true;
    }

    private void readThread(int flags) {
        if ((flags & TraceCache.THREAD) != 0) {
            thread = (int) varint();
        }
    }

    private long varint() {
        long value = 0;
        int shift = 0;
        byte b;
        do {
            b = buf[pos++];
            value |= (long) (b & 0x7F) << shift;
            shift += 7;
        } while (b < 0);
        return value;
    }

    /** Moves the unread bytes to the front and fills the rest of the buffer (or reaches the end). */
    private void refill() {
        int carried = limit - pos;
        System.arraycopy(buf, pos, buf, 0, carried);
        pos = 0;
        limit = carried;
        view.clear().position(limit);
        try {
            while (view.hasRemaining()) {
                if (channel.read(view) < 0) {
                    eof = true;
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the event cache of " + summary.name(), e);
        }
        limit = view.position();
    }

    @Override
    public HeapEvent event() {
        return event;
    }

    @Override
    public Set<Characteristic> characteristics() {
        return Characteristic.of(summary.format().hasSites());
    }

    @Override
    public String name() {
        return summary.name();
    }

    @Override
    public TraceFormat format() {
        return summary.format();
    }

    @Override
    public long events() {
        return events;
    }

    @Override
    public long allocations() {
        return allocations;
    }

    /** The decoding pass's count (the cache holds no skipped frees). */
    @Override
    public long unknownFrees() {
        return summary.unknownFrees();
    }

    @Override
    public long liveBytes() {
        return liveBytes;
    }

    @Override
    public long peakLiveBytes() {
        return peakLiveBytes;
    }

    @Override
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    @Override
    public long syntheticClockNanos() {
        return summary.syntheticClockNanos();
    }

    /** The decoding pass's count. */
    @Override
    public long clampedTimes() {
        return summary.clampedTimes();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the event cache of " + summary.name(), e);
        }
    }
}
