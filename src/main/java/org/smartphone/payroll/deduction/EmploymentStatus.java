package org.smartphone.payroll.deduction;

import java.util.Locale;
import java.util.Optional;

/** The {@code employment_status} of a payroll register row (SPEC 5), and its exception reason. */
public enum EmploymentStatus {
    ACTIVE(null),
    SUSPENDED(DeductionReason.EMPLOYEE_SUSPENDED),
    LEFT(DeductionReason.EMPLOYEE_LEFT),
    RETIRED(DeductionReason.EMPLOYEE_RETIRED),
    DECEASED(DeductionReason.EMPLOYEE_DECEASED);

    private final DeductionReason reasonWhenNotActive;

    EmploymentStatus(DeductionReason reasonWhenNotActive) {
        this.reasonWhenNotActive = reasonWhenNotActive;
    }

    /** Case-insensitive; empty when the text is none of the five statuses. */
    public static Optional<EmploymentStatus> parse(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (EmploymentStatus status : values()) {
            if (status.name().equals(upper)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    DeductionReason reasonWhenNotActive() {
        return reasonWhenNotActive;
    }
}
