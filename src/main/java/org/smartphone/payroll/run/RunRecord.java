package org.smartphone.payroll.run;

import java.time.LocalDateTime;

/** One row of {@code payroll_run}. */
public record RunRecord(
        long runId,
        RunKind kind,
        String period,
        String inputName,
        String inputSha256,
        RunState state,
        LocalDateTime startedAt,
        LocalDateTime endedAt,
        int attempts,
        long recordsRead,
        long recordsRejected,
        String summary,
        String message) {}
