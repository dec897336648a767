package org.smartphone.payroll.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * Writes {@code contracts.csv}: C contracts held by H people (most hold one, a few two or three),
 * in contract_id order, with prices, down payments, terms, first periods and IMEIs drawn per
 * contract.
 */
final class ContractsFile {

    static final String HEADER = "contract_id,matricule,full_name,ministry_code,device_model,imei,price_xof,"
            + "down_payment_xof,term_months,first_period";

    /** Contracts per holder: 1 (88 %), 2 (9 %), 3 (3 %). */
    private static final int[] COUNT_WEIGHTS = {88, 9, 3};

    private static final int[] TERMS = {12, 6, 9, 18, 24};
    private static final int[] TERM_WEIGHTS = {80, 4, 5, 7, 4};
    /** Share of contracts by first period: month 1, 2, … (truncated to the months generated, at most 6). */
    private static final int[] FIRST_PERIOD_WEIGHTS = {50, 20, 10, 8, 7, 5};

    private static final String[] MODELS = {
        "Itel A70",
        "Tecno Spark 20",
        "Samsung Galaxy A05",
        "Infinix Hot 40",
        "Samsung Galaxy A15",
        "Tecno Camon 20",
        "Infinix Note 40",
        "Redmi Note 13",
        "Samsung Galaxy A25",
        "Samsung Galaxy A35",
        "iPhone 11 (reconditionné)",
        "Samsung Galaxy A55",
        "iPhone 13"
    };
    private static final long[] PRICES = {
        45_000, 65_000, 75_000, 85_000, 120_000, 135_000, 160_000, 150_000, 175_000, 230_000, 250_000, 295_000, 350_000
    };
    private static final int[] MODEL_WEIGHTS = {10, 16, 12, 12, 14, 8, 6, 7, 6, 4, 2, 2, 1};
    /** Type allocation codes (first 8 IMEI digits), one per model. */
    private static final String[] TACS = {
        "35867512",
        "35068931",
        "35290611",
        "86442703",
        "35176814",
        "86012345",
        "86897504",
        "86274106",
        "35403728",
        "35622519",
        "35325110",
        "35811427",
        "35395711"
    };

    private ContractsFile() {}

    /** How many people hold the C contracts (the same draws as {@link #write}). */
    static long holdersFor(long seed, long contracts) {
        SplittableRandom counts = Rng.of(seed, Rng.COUNTS, 0);
        long holders = 0;
        long assigned = 0;
        while (assigned < contracts) {
            assigned += 1 + Rng.pick(counts, COUNT_WEIGHTS, 100);
            holders++;
        }
        return holders;
    }

    static long write(Path file, long seed, long contracts, Population population, YearMonth start, int months)
            throws IOException {
        SplittableRandom counts = Rng.of(seed, Rng.COUNTS, 0);
        int spread = Math.max(1, Math.min(months, FIRST_PERIOD_WEIGHTS.length));
        int spreadTotal = 0;
        for (int i = 0; i < spread; i++) {
            spreadTotal += FIRST_PERIOD_WEIGHTS[i];
        }
        String[] periods = new String[spread];
        for (int i = 0; i < spread; i++) {
            periods[i] = start.plusMonths(i).toString();
        }
        String idPrefix = "SP-" + start.getYear() + "-";
        int idDigits = Math.max(7, Long.toString(contracts).length());
        StringBuilder id = new StringBuilder(24);
        StringBuilder matricule = new StringBuilder(24);
        char[] imei = new char[15];
        long written = 0;
        try (CsvLine csv = new CsvLine(file, HEADER)) {
            for (long holder = 0; written < contracts; holder++) {
                int held = (int) Math.min(1 + Rng.pick(counts, COUNT_WEIGHTS, 100), contracts - written);
                long k = population.personOfHolder(holder);
                Population.Person person = population.person(k);
                matricule.setLength(0);
                population.matricule(k, matricule);
                for (int j = 0; j < held; j++) {
                    long n = written++;
                    SplittableRandom r = Rng.of(seed, Rng.CONTRACT, n);
                    int model = Rng.pick(r, MODEL_WEIGHTS, 100);
                    long price = Math.max(45_000, Math.min(350_000, PRICES[model] + 500L * (r.nextInt(21) - 10)));
                    long down =
                            r.nextInt(100) < 20 ? Math.round(price * (0.05 + 0.25 * r.nextDouble()) / 1000) * 1000 : 0;
                    int term = TERMS[Rng.pick(r, TERM_WEIGHTS, 100)];
                    String first = periods[Rng.pick(r, FIRST_PERIOD_WEIGHTS, spreadTotal) % spread];
                    boolean withImei = r.nextInt(100) < 70;
                    boolean withMinistry = r.nextInt(100) < 85;
                    id.setLength(0);
                    id.append(idPrefix);
                    Population.pad(n + 1, idDigits, id);
                    csv.raw(id)
                            .raw(matricule)
                            .text(person.fullName())
                            .text(withMinistry ? person.ministry() : "")
                            .text(MODELS[model]);
                    if (withImei) {
                        imei(TACS[model], r, imei);
                        csv.raw(new String(imei));
                    } else {
                        csv.raw("");
                    }
                    csv.number(price);
                    if (down > 0) {
                        csv.number(down);
                    } else {
                        csv.raw(r.nextBoolean() ? "0" : "");
                    }
                    csv.number(term).raw(first);
                    csv.end();
                }
            }
            return csv.rows();
        }
    }

    /** A 15-digit IMEI: type allocation code, 6 serial digits, Luhn check digit. */
    static void imei(String tac, SplittableRandom r, char[] into) {
        for (int i = 0; i < 8; i++) {
            into[i] = tac.charAt(i);
        }
        for (int i = 8; i < 14; i++) {
            into[i] = (char) ('0' + r.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int d = into[i] - '0';
            if (i % 2 == 1) { // every second digit from the right of the full 15 digits is doubled
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        into[14] = (char) ('0' + (10 - sum % 10) % 10);
    }
}
