package org.smartphone.payroll.files;

/**
 * Where a run's count of records read and lines rejected is kept ({@code run/RunRegistry}, for
 * {@code status}); an interface so that {@code files/} does not import the runs above it.
 */
@FunctionalInterface
public interface InputCounts {

    void recordCounts(long runId, long read, long rejected);
}
