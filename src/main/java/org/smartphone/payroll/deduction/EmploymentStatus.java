package org.smartphone.payroll.deduction;

import java.text.Normalizer;
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

    /**
     * The status a payroll office most likely meant by a word that is none of the five (SPEC 5 takes
     * only those): the French words of a register ({@code Actif}, {@code Retraité}, {@code Décédé} ...),
     * accents and case aside. Only asked of a cell already invalid, to say how to write it.
     */
    static Optional<EmploymentStatus> meant(String text) {
        String word = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
        return Optional.ofNullable(
                switch (word) {
                    case "actif", "active", "enactivite", "activite", "enposte" -> ACTIVE;
                    case "suspendu", "suspendue", "suspension", "suspens" -> SUSPENDED;
                    case "parti",
                            "partie",
                            "depart",
                            "demission",
                            "demissionnaire",
                            "licencie",
                            "licenciee",
                            "sorti",
                            "sortie" -> LEFT;
                    case "retraite", "retraitee", "enretraite", "retire", "retiree" -> RETIRED;
                    case "decede", "decedee", "deces", "mort", "morte", "dead" -> DECEASED;
                    default -> null;
                });
    }

    DeductionReason reasonWhenNotActive() {
        return reasonWhenNotActive;
    }
}
