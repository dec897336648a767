package org.smartphone.payroll.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes a withholding return from the engine's deduction order ({@code deductions-YYYY-MM.csv}),
 * streaming it line by line: what the payroll office really withheld. Per order line: 92.5 % the
 * amount, 1.5 % a line with 0, 1.5 % no line, 2 % short, 1 % over, 0.2 % the right contract under
 * a wrong matricule; plus about 1 line in 1 000 for a contract the engine does not know.
 */
final class ReturnFile {

    static final String HEADER = "period,contract_id,matricule,amount_withheld_xof";

    private ReturnFile() {}

    /** Counts of what was written, by kind. */
    record Summary(
            long orderLines,
            long lines,
            long equal,
            long zero,
            long absent,
            long shortLines,
            long over,
            long wrongMatricule,
            long unknownContract) {}

    static Summary write(Path deductions, long seed, Path out) throws IOException {
        long order = 0;
        long equal = 0;
        long zero = 0;
        long absent = 0;
        long shortLines = 0;
        long over = 0;
        long wrong = 0;
        long unknown = 0;
        String previousMatricule = null;
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = new BufferedReader(Files.newBufferedReader(deductions, StandardCharsets.UTF_8), 1 << 20);
                CSVParser parser = CSVParser.parse(reader, format);
                CsvLine csv = new CsvLine(out, HEADER)) {
            for (CSVRecord record : parser) {
                String period = record.get("period");
                String contract = record.get("contract_id");
                String matricule = record.get("matricule");
                long amount = Long.parseLong(record.get("amount_xof"));
                SplittableRandom r = Rng.of(seed, Rng.RETURN, order++);
                int roll = r.nextInt(10_000);
                if (roll < 9_250) {
                    csv.raw(period).raw(contract).raw(matricule).number(amount).end();
                    equal++;
                } else if (roll < 9_400) {
                    csv.raw(period).raw(contract).raw(matricule).number(0).end();
                    zero++;
                } else if (roll < 9_550) {
                    absent++;
                } else if (roll < 9_750 && amount > 1) {
                    csv.raw(period)
                            .raw(contract)
                            .raw(matricule)
                            .number(1 + r.nextLong(amount - 1))
                            .end();
                    shortLines++;
                } else if (roll < 9_850) {
                    csv.raw(period)
                            .raw(contract)
                            .raw(matricule)
                            .number(amount + 1 + r.nextLong(Math.max(1, amount)))
                            .end();
                    over++;
                } else if (roll < 9_870) {
                    String other = previousMatricule != null && !previousMatricule.equals(matricule)
                            ? previousMatricule
                            : matricule + "X";
                    csv.raw(period).raw(contract).raw(other).number(amount).end();
                    wrong++;
                } else {
                    csv.raw(period).raw(contract).raw(matricule).number(amount).end();
                    equal++;
                }
                if (r.nextInt(1000) == 0) {
                    csv.raw(period)
                            .raw("ZZ-" + (900_000_000L + order))
                            .raw(matricule)
                            .number(1_000L * (5 + r.nextInt(26)))
                            .end();
                    unknown++;
                }
                previousMatricule = matricule;
            }
            return new Summary(order, csv.rows(), equal, zero, absent, shortLines, over, wrong, unknown);
        }
    }
}
