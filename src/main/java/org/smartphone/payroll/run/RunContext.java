package org.smartphone.payroll.run;

import java.io.IOException;
import java.nio.file.Path;
import org.smartphone.payroll.config.CapRatio;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.failure.InvalidInputException;
import org.smartphone.payroll.files.CsvInputFile;
import org.smartphone.payroll.files.InputRun;
import org.smartphone.payroll.period.Period;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What one run works on, carried by the job parameters. The identifying ones (period and the input's
 * SHA-256) define the Spring Batch job instance, whose id is the run id, so running the same command
 * on the same file again resumes that instance. A revocation (SPEC 6) is keyed by the run it revokes,
 * whose input name and SHA-256 it carries, and reads no input.
 *
 * @param revokedRun the run a revocation undoes; 0 for every other run
 * @param reason why a revocation undoes it (SPEC 6 {@code --reason}); null for every other run
 */
public record RunContext(
        long runId,
        RunKind kind,
        Period period,
        Path input,
        String inputName,
        String sha256,
        boolean fromInbox,
        long maxRejects,
        CapRatio capRatio,
        long roundingUnit,
        int defaultTerm,
        String deductionCode,
        long revokedRun,
        String reason)
        implements InputRun {

    static final String PERIOD = "period";
    static final String SHA256 = "sha256";
    static final String INPUT = "input";
    static final String INPUT_NAME = "inputName";
    static final String FROM_INBOX = "fromInbox";
    static final String MAX_REJECTS = "maxRejects";
    static final String GENERATION = "generation";
    static final String CAP_RATIO = "capRatio";
    static final String ROUNDING_UNIT = "roundingUnit";
    static final String DEFAULT_TERM = "defaultTerm";
    static final String DEDUCTION_CODE = "deductionCode";
    static final String REVOKED_RUN = "revokedRun";
    static final String REASON = "reason";

    /**
     * @param generation how many runs of the same input were abandoned before: a run started after
     *     an abandon is a new job instance
     * @param settings the settings in force, kept with the run so that a resumed run uses them too
     */
    public static JobParameters parameters(
            Period period,
            Path input,
            String sha256,
            long generation,
            boolean fromInbox,
            long maxRejects,
            PayrollSettings settings) {
        JobParametersBuilder builder = new JobParametersBuilder();
        if (period != null) {
            builder.addString(PERIOD, period.toString());
        }
        return builder.addString(SHA256, sha256)
                .addLong(GENERATION, generation)
                .addString(INPUT, input.toAbsolutePath().toString(), false)
                .addString(INPUT_NAME, input.getFileName().toString(), false)
                .addString(FROM_INBOX, Boolean.toString(fromInbox), false)
                .addLong(MAX_REJECTS, maxRejects, false)
                .addString(CAP_RATIO, settings.cap().toString(), false)
                .addLong(ROUNDING_UNIT, settings.roundingUnit(), false)
                .addLong(DEFAULT_TERM, (long) settings.defaultTerm(), false)
                .addString(DEDUCTION_CODE, settings.deductionCode(), false)
                .toJobParameters();
    }

    /**
     * The parameters of the revocation of {@code revoked}: identified by that run (a run is revoked at
     * most once), with the settings in force like any run, and no input to read.
     */
    public static JobParameters revocation(Period period, RunRecord revoked, String reason, PayrollSettings settings) {
        return new JobParametersBuilder()
                .addString(PERIOD, period.toString())
                .addLong(REVOKED_RUN, revoked.runId())
                .addString(SHA256, revoked.inputSha256(), false)
                .addString(INPUT, revoked.inputName(), false)
                .addString(INPUT_NAME, revoked.inputName(), false)
                .addString(FROM_INBOX, "false", false)
                .addLong(MAX_REJECTS, 0L, false)
                .addString(REASON, reason, false)
                .addString(CAP_RATIO, settings.cap().toString(), false)
                .addLong(ROUNDING_UNIT, settings.roundingUnit(), false)
                .addLong(DEFAULT_TERM, (long) settings.defaultTerm(), false)
                .addString(DEDUCTION_CODE, settings.deductionCode(), false)
                .toJobParameters();
    }

    /**
     * The parameters of a run that reads no input ({@code refunds issue}, {@code refunds release}, SPEC
     * 7.2): identified by how many runs of its kind were started before ({@code generation}), so each is a
     * job instance of its own, and resumed through the run registry; {@code subject} is what status shows
     * as its input (the batch released, say).
     */
    public static JobParameters withoutInput(String subject, long generation, PayrollSettings settings) {
        return new JobParametersBuilder()
                .addString(SHA256, NO_INPUT)
                .addLong(GENERATION, generation)
                .addString(INPUT, subject, false)
                .addString(INPUT_NAME, subject, false)
                .addString(FROM_INBOX, "false", false)
                .addLong(MAX_REJECTS, 0L, false)
                .addString(CAP_RATIO, settings.cap().toString(), false)
                .addLong(ROUNDING_UNIT, settings.roundingUnit(), false)
                .addLong(DEFAULT_TERM, (long) settings.defaultTerm(), false)
                .addString(DEDUCTION_CODE, settings.deductionCode(), false)
                .toJobParameters();
    }

    /** The "SHA-256" of a run that reads no input: no file has it, so none is ever refused for it. */
    public static final String NO_INPUT = "-";

    public static RunContext of(JobExecution execution, RunKind kind) {
        JobParameters params = execution.getJobParameters();
        String period = params.getString(PERIOD);
        Long revokedRun = params.getLong(REVOKED_RUN);
        return new RunContext(
                execution.getJobInstance().getInstanceId(),
                kind,
                period == null ? null : Period.parse(period),
                Path.of(params.getString(INPUT)),
                params.getString(INPUT_NAME),
                params.getString(SHA256),
                Boolean.parseBoolean(params.getString(FROM_INBOX)),
                params.getLong(MAX_REJECTS),
                CapRatio.parse(params.getString(CAP_RATIO)),
                params.getLong(ROUNDING_UNIT),
                params.getLong(DEFAULT_TERM).intValue(),
                params.getString(DEDUCTION_CODE),
                revokedRun == null ? 0 : revokedRun,
                params.getString(REASON));
    }

    /**
     * What was parsed must be the very file this run started with: the digest of the bytes read,
     * computed as they were parsed, is compared with the one the run was started with (which names
     * the job instance and the "already processed" refusal), at the end of the read and so before
     * anything reaches the ledger or the outbox (SPEC 5). A file edited in place or replaced while it
     * was read fails the run with exit 2, nothing changed, the file left where it is; the same command
     * then reads it afresh as a new run of its own.
     */
    @Override
    public void checkReadAsStarted(CsvInputFile file) throws IOException {
        if (file.replaced() || !file.sha256().equals(sha256)) {
            throw new InvalidInputException(inputName + " changed while it was being read (it is no longer the file"
                    + " this run started with, SHA-256 " + sha256.substring(0, 12) + "...); nothing was changed."
                    + " Run the same command again once the file is complete: it is then read afresh.");
        }
    }
}
