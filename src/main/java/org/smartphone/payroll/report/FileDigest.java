package org.smartphone.payroll.report;

import org.smartphone.payroll.run.RunKind;

/**
 * The SHA-256 of one input or output file of a period, recomputed from the file on disk, next to
 * what was recorded for it when it was processed or written.
 *
 * @param file the file name
 * @param folder where it was looked for, relative to the home ({@code outbox/2026-01})
 * @param run the run that read (input) or wrote (output) it
 * @param recomputed the digest of the file as it is now; null when the file is not there
 * @param recorded what the seal says: the {@code .sha256} sidecar of an output, the ledger's record
 *     of an input; null when there is none, "" when the sidecar cannot be read
 * @param manifest what the run's manifest says for an output CSV; null when no manifest was read,
 *     "" when the manifest is unreadable or does not list the file
 */
public record FileDigest(
        String file, String folder, RunKind run, Seal seal, String recomputed, String recorded, String manifest) {

    /** What a file's digest is checked against. */
    public enum Seal {
        /** an output CSV: its {@code <file>.sha256} sidecar and its run's manifest */
        SIDECAR,
        /** an input: the SHA-256 recorded in {@code payroll_run} when it was processed */
        LEDGER,
        /** a manifest: nothing seals it; its digest is listed for the record */
        NONE
    }
}
