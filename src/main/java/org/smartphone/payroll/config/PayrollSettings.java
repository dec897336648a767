package org.smartphone.payroll.config;

import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of SPEC (application.yml, each overridable from the environment, e.g.
 * {@code PAYROLL_CAP_RATIO=1/4}).
 *
 * @param capRatio share of net pay that may be deducted, {@code p/q}
 * @param roundingUnit installments are multiples of this many francs (the last carries the rest)
 * @param deductionCode written in every line of the deduction order
 * @param maxRejects invalid lines tolerated in one input file before the run fails
 * @param defaultTerm term of a contract whose {@code term_months} is empty
 * @param batchSize rows per JDBC batch
 * @param reportLanguage language of the HTML period report: {@code fr} (the default) or {@code en}
 */
@ConfigurationProperties("payroll")
public record PayrollSettings(
        String capRatio,
        long roundingUnit,
        String deductionCode,
        long maxRejects,
        int defaultTerm,
        int batchSize,
        String reportLanguage) {

    /** The languages the period report is written in. */
    public static final List<String> REPORT_LANGUAGES = List.of("fr", "en");

    public PayrollSettings {
        CapRatio.parse(capRatio);
        if (roundingUnit < 1) {
            throw new IllegalArgumentException("payroll.rounding-unit must be at least 1");
        }
        if (maxRejects < 0) {
            throw new IllegalArgumentException("payroll.max-rejects must be 0 or more");
        }
        if (defaultTerm < 1 || defaultTerm > 60) {
            throw new IllegalArgumentException("payroll.default-term must be 1 to 60");
        }
        if (deductionCode == null || deductionCode.isBlank()) {
            throw new IllegalArgumentException("payroll.deduction-code must not be empty");
        }
        if (batchSize < 1) {
            batchSize = 1000;
        }
        reportLanguage = reportLanguage == null || reportLanguage.isBlank()
                ? "fr"
                : reportLanguage.trim().toLowerCase(Locale.ROOT);
        if (!REPORT_LANGUAGES.contains(reportLanguage)) {
            throw new IllegalArgumentException(
                    "payroll.report-language must be fr or en, not '" + reportLanguage + "'");
        }
    }

    public CapRatio cap() {
        return CapRatio.parse(capRatio);
    }
}
