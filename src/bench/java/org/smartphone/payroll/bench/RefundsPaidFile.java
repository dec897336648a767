package org.smartphone.payroll.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes a refunds-paid file (SPEC 7.2) from an issued batch ({@code outbox/refunds/refunds-NNNN.csv}),
 * streaming it: what the bank paid. 97 % of the items are confirmed, with their amount, paid within
 * 5 days of a date, each under its own payment_ref; the others stay INSTRUCTED (to release).
 */
final class RefundsPaidFile {

    static final String HEADER = "refund_id,paid_on,amount_xof,payment_ref";

    private RefundsPaidFile() {}

    /** Counts of what was written. */
    record Summary(long items, long lines) {}

    static Summary write(Path refunds, long seed, LocalDate paidFrom, Path out) throws IOException {
        long items = 0;
        try (Reader reader = new BufferedReader(Files.newBufferedReader(refunds, StandardCharsets.UTF_8), 1 << 20);
                CSVParser parser = CSVParser.parse(
                        reader,
                        CSVFormat.DEFAULT
                                .builder()
                                .setHeader()
                                .setSkipHeaderRecord(true)
                                .get());
                CsvLine csv = new CsvLine(out, HEADER)) {
            for (CSVRecord record : parser) {
                SplittableRandom r = Rng.of(seed, Rng.REFUND, items++);
                if (r.nextInt(100) >= 97) {
                    continue;
                }
                csv.raw(record.get("refund_id"))
                        .raw(paidFrom.plusDays(r.nextInt(5)).toString())
                        .raw(record.get("amount_xof"))
                        .raw("BT-" + seed + "-" + items)
                        .end();
            }
            return new Summary(items, csv.rows());
        }
    }
}
