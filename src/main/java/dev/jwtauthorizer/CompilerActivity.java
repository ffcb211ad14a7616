package dev.jwtauthorizer;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * What the JIT compilers are doing, as far as the platform's management beans tell: how far this
 * JVM compiles (C1 only at {@code -XX:TieredStopAtLevel=1}, which Lambda's java17/java21 runtimes
 * use; C2 too under default flags, which java25 with SnapStart runs), and whether compiling has
 * stopped. Priming uses both: to drive the request path long enough for the last tier, then to let
 * the compile queue drain, so that what lands after a SnapStart restore is compiled code, not
 * compilations.
 */
final class CompilerActivity {
    /**
     * Calls a method needs before C2 compiles it (HotSpot's Tier4InvocationThreshold is 5000; the
     * queue's load raises it), and before C1 does (Tier3InvocationThreshold, 200).
     */
    static final int C2_CALLS = 6000;
    static final int C1_CALLS = 400;

    /** Null when the VM has no JIT or does not count its time: then nothing can be waited for. */
    private final CompilationMXBean compilation;
    private final boolean topTierIsC2;
    private long lastTotalMillis = -1;
    private long unchangedSince;

    private CompilerActivity(CompilationMXBean compilation, boolean topTierIsC2) {
        this.compilation = compilation;
        this.topTierIsC2 = topTierIsC2;
    }

    static CompilerActivity ofThisJvm() {
        CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
        if (bean != null && !bean.isCompilationTimeMonitoringSupported()) {
            bean = null;
        }
        return new CompilerActivity(bean, stopsAtC2());
    }

    /** False only when told so: at -XX:TieredStopAtLevel below 4, or with -XX:TieredStopAtLevel unreadable, assume C2. */
    private static boolean stopsAtC2() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot == null || Integer.parseInt(hotspot.getVMOption("TieredStopAtLevel").getValue()) >= 4;
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }

    /** How many calls make a method reach this JVM's last tier. */
    int callsForLastTier() {
        return topTierIsC2 ? C2_CALLS : C1_CALLS;
    }

    /**
     * Whether the compilers' total time has not moved for {@code quietNanos}, judged from this call
     * and the earlier ones (it is read, not waited for). Always true without a JIT to watch.
     */
    boolean quietFor(long quietNanos) {
        if (compilation == null) {
            return true;
        }
        long total = compilation.getTotalCompilationTime();
        long now = System.nanoTime();
        if (total != lastTotalMillis) {
            lastTotalMillis = total;
            unchangedSince = now;
            return false;
        }
        return now - unchangedSince >= quietNanos;
    }

    /** Waits, driving nothing, until compiling has been quiet for {@code quietNanos} or the deadline passes. */
    boolean awaitQuiet(long quietNanos, long deadlineNanos) {
        while (!quietFor(quietNanos)) {
            if (System.nanoTime() - deadlineNanos >= 0) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
