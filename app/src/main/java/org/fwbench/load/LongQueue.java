package org.fwbench.load;

import java.util.Arrays;

/** A growable FIFO of primitive longs: the open model's backlog of intended start times, without boxing. */
final class LongQueue {

    private long[] items = new long[64];
    private int head;
    private int size;

    void add(long value) {
        if (size == items.length) {
            long[] bigger = new long[items.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = items[(head + i) % items.length];
            }
            items = bigger;
            head = 0;
        }
        items[(head + size) % items.length] = value;
        size++;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The oldest value; only when not empty. */
    long peek() {
        return items[head];
    }

    /** Removes and returns the oldest value; only when not empty. */
    long poll() {
        long v = items[head];
        head = (head + 1) % items.length;
        size--;
        return v;
    }

    void clear() {
        Arrays.fill(items, 0);
        head = 0;
        size = 0;
    }
}
