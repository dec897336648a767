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
 * Writes a payments file (SPEC 7.1) against the contracts of a contracts file, streaming both: N
 * contracts drawn uniformly without repetition (selection sampling over the file, read twice), one
 * payment each. Amounts: 55 % one installment, 20 % two to four, 10 % the whole financed amount
 * (after a month of deductions it settles the contract and leaves a refund), 15 % a small sum of
 * 1 000-5 000. Channels COUNTER 30 %, TMONEY 25 %, BANK 20 %, FLOOZ 20 %, OTHER 5 %, a quarter of
 * them written in lower case; payment_ref unique per line; received_on within D days from a start
 * date; the optional matricule given on half the lines. Rows come in contracts-file order.
 */
final class PaymentsFile {

    static final String HEADER = "payment_ref,channel,contract_id,matricule,amount_xof,received_on";

    private static final String[] CHANNELS = {"COUNTER", "TMONEY", "BANK", "FLOOZ", "OTHER"};
    private static final String[] PREFIXES = {"GUI", "TM", "VIR", "FLZ", "DIV"};
    private static final int[] CHANNEL_WEIGHTS = {30, 25, 20, 20, 5};

    private PaymentsFile() {}

    /** Counts of what was written. */
    record Summary(long contracts, long lines, long whole, long lowerCase) {}

    static Summary write(Path contracts, long count, long seed, LocalDate from, int days, Path out) throws IOException {
        long total = 0;
        try (CSVParser parser = parse(contracts)) {
            for (CSVRecord ignored : parser) {
                total++;
            }
        }
        if (count > total) {
            throw new IllegalArgumentException(
                    "--count " + count + " is more than the " + total + " contracts of " + contracts);
        }
        SplittableRandom select = Rng.of(seed, Rng.PAYMENT, 0);
        long needed = count;
        long seen = 0;
        long whole = 0;
        long lower = 0;
        try (CSVParser parser = parse(contracts);
                CsvLine csv = new CsvLine(out, HEADER)) {
            for (CSVRecord record : parser) {
                long left = total - seen++;
                // selection sampling (Knuth, algorithm S): each contract with probability needed / left
                if (needed == 0 || select.nextLong(left) >= needed) {
                    continue;
                }
                needed--;
                long n = csv.rows();
                SplittableRandom r = Rng.of(seed, Rng.PAYMENT, 1, n);
                long price = Long.parseLong(record.get("price_xof"));
                String down = record.get("down_payment_xof");
                long financed = price - (down.isEmpty() ? 0 : Long.parseLong(down));
                String term = record.get("term_months");
                long installment = financed / (term.isEmpty() ? 12 : Integer.parseInt(term));
                int kind = r.nextInt(100);
                long amount;
                if (kind < 55) {
                    amount = installment;
                } else if (kind < 75) {
                    amount = installment * (2 + r.nextInt(3));
                } else if (kind < 85) {
                    amount = financed;
                    whole++;
                } else {
                    amount = 1_000L * (1 + r.nextInt(5));
                }
                int channel = Rng.pick(r, CHANNEL_WEIGHTS, 100);
                boolean lowerCase = r.nextInt(4) == 0;
                if (lowerCase) {
                    lower++;
                }
                csv.raw(PREFIXES[channel] + "-" + seed + "-" + (n + 1))
                        .raw(lowerCase ? CHANNELS[channel].toLowerCase(java.util.Locale.ROOT) : CHANNELS[channel])
                        .raw(record.get("contract_id"))
                        .raw(r.nextBoolean() ? record.get("matricule") : "")
                        .number(Math.max(1, amount))
                        .raw(from.plusDays(r.nextInt(Math.max(1, days))).toString())
                        .end();
            }
            return new Summary(total, csv.rows(), whole, lower);
        }
    }

    private static CSVParser parse(Path file) throws IOException {
        Reader reader = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 20);
        return CSVParser.parse(
                reader,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get());
    }
}
