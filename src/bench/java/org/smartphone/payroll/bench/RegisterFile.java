package org.smartphone.payroll.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * Writes {@code payroll-YYYY-MM.csv} for month m: everyone on the payroll, in matricule order.
 * About 2 % of contract holders are missing each month; people who left the payroll appear with
 * their exit status that month and the next, then no more.
 */
final class RegisterFile {

    static final String HEADER = "period,matricule,full_name,ministry_code,net_pay_xof,employment_status";

    private RegisterFile() {}

    static long write(Path file, long seed, Population population, YearMonth period, int month) throws IOException {
        String p = period.toString();
        StringBuilder matricule = new StringBuilder(24);
        StringBuilder amount = new StringBuilder(24);
        try (CsvLine csv = new CsvLine(file, HEADER)) {
            for (long k = 0; k < population.people; k++) {
                Population.Person person = population.person(k);
                SplittableRandom r = Rng.of(seed, Rng.MONTH, k, month);
                if (population.isHolder(k) && r.nextInt(1000) < 20) {
                    continue; // missing from this month's register
                }
                if (month > person.exitMonth() + 1) {
                    continue; // off the payroll
                }
                String status;
                long pay;
                if (month >= person.exitMonth()) {
                    status = person.exitStatus();
                    pay = status.equals("RETIRED") ? 0 : (long) (person.basePay() * r.nextDouble()) / 5 * 5;
                } else if (r.nextInt(1000) < 12) {
                    status = "SUSPENDED";
                    pay = r.nextBoolean() ? 0 : person.basePay() / 2;
                } else {
                    status = "ACTIVE";
                    int roll = r.nextInt(10_000);
                    if (roll < 15) {
                        pay = 0;
                    } else if (roll < 25) {
                        pay = -1_000L * (1 + r.nextInt(60)); // a recovery of overpaid salary exceeds the pay
                    } else if (roll < 1_525) {
                        pay = Math.max(5, Math.round(person.basePay() * (0.9 + 0.2 * r.nextDouble()) / 5) * 5);
                    } else {
                        pay = person.basePay();
                    }
                }
                matricule.setLength(0);
                population.matricule(k, matricule);
                csv.raw(p).raw(matricule).text(person.fullName()).text(person.ministry());
                int format = r.nextInt(1000);
                if (pay >= 1000 && format < 10) {
                    csv.raw(grouped(pay, amount)); // "125 000" as some payroll exports write it
                } else if (pay >= 0 && format < 15) {
                    amount.setLength(0);
                    csv.raw(amount.append(pay).append(".00")); // "125000.00"
                } else {
                    csv.number(pay);
                }
                csv.raw(status);
                csv.end();
            }
            return csv.rows();
        }
    }

    private static CharSequence grouped(long value, StringBuilder into) {
        into.setLength(0);
        String digits = Long.toString(value);
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        into.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            into.append(' ').append(digits, i, i + 3);
        }
        return into;
    }
}
