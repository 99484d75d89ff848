package dev.natconsole.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS API calls (HTTP requests, retries included) that every SDK client in the test JVM makes. The
 * SDK loads it as a global interceptor (src/test/resources/software/amazon/awssdk/global/handlers), so the
 * console's own clients are counted without changing how production builds them. Calls are attributed to the
 * label of the calling thread ({@link #label}), for example the plan step a provisioning thread runs.
 */
public class ApiCallCounter implements ExecutionInterceptor {

    private static final Map<String, AtomicInteger> BY_OPERATION = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> BY_LABEL = new ConcurrentHashMap<>();
    private static final AtomicInteger TOTAL = new AtomicInteger();
    private static final ThreadLocal<String> LABEL = new ThreadLocal<>();
    private static volatile long latencyMillis;

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        TOTAL.incrementAndGet();
        String operation = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        BY_OPERATION.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        String label = LABEL.get();
        BY_LABEL.computeIfAbsent(label == null ? "(unlabelled)" : label, k -> new AtomicInteger()).incrementAndGet();
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Adds a pause before every request, to model a real region's round trip (a loopback emulator answers in
     * milliseconds). 0 turns it off.
     */
    public static void latency(long millis) {
        latencyMillis = millis;
    }

    /** Attributes the calling thread's next calls to {@code label} (null to stop). */
    public static void label(String label) {
        if (label == null) {
            LABEL.remove();
        } else {
            LABEL.set(label);
        }
    }

    public static void reset() {
        TOTAL.set(0);
        BY_OPERATION.clear();
        BY_LABEL.clear();
    }

    public static int total() {
        return TOTAL.get();
    }

    public static Map<String, Integer> byOperation() {
        Map<String, Integer> copy = new TreeMap<>();
        BY_OPERATION.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    public static Map<String, Integer> byLabel() {
        Map<String, Integer> copy = new TreeMap<>();
        BY_LABEL.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }
}
