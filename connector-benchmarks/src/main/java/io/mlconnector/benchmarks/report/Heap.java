package io.mlconnector.benchmarks.report;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap measurements: used heap after repeated full collections (what is retained), and bytes allocated by the
 * current thread (HotSpot's {@code com.sun.management.ThreadMXBean}).
 */
public final class Heap {
    private Heap() {
    }

    /** Used heap after asking for full collections until it stops shrinking (at most 6 rounds). */
    public static long retained() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            System.gc();
            System.runFinalization();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= last - 64 * 1024) {
                return Math.min(used, last);
            }
            last = used;
        }
        return last;
    }

    /** Bytes the current thread has allocated so far, or -1 when the JVM does not tell. */
    public static long allocatedByThisThread() {
        java.lang.management.ThreadMXBean t = ManagementFactory.getThreadMXBean();
        if (t instanceof com.sun.management.ThreadMXBean hs && hs.isThreadAllocatedMemorySupported()) {
            return hs.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
