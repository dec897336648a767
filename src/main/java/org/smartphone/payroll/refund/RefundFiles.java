package org.smartphone.payroll.refund;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the refunds files (SPEC 7.2), all in {@code outbox/refunds/}: a batch issued,
 * {@code refunds-NNNN.csv}, and a confirmation, {@code refunds-paid-NNNN.csv}, each numbered from 1
 * with at least four digits, with its sidecar and a manifest named after it.
 */
public final class RefundFiles {

    /** The folder under the outbox and the archive. */
    public static final String FOLDER = "refunds";

    private static final Pattern BATCH_FILE = Pattern.compile("refunds-(\\d{4,9})\\.csv");

    private RefundFiles() {}

    public static String batchFile(int batch) {
        return "refunds-" + number(batch) + ".csv";
    }

    public static String batchManifest(int batch) {
        return "refunds-" + number(batch) + ".manifest.json";
    }

    public static String confirmationFile(int confirmation) {
        return "refunds-paid-" + number(confirmation) + ".csv";
    }

    public static String confirmationManifest(int confirmation) {
        return "refunds-paid-" + number(confirmation) + ".manifest.json";
    }

    /** The number of a batch from its file's name, {@code refunds-0003.csv}: 3. */
    public static int batchOf(String batchFile) {
        Matcher matcher = BATCH_FILE.matcher(batchFile);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(batchFile + " is not the name of a batch of refunds");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static String number(int n) {
        return String.format("%04d", n);
    }
}
