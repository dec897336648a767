package org.smartphone.payroll.reference;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Builds a random but realistic multi-month scenario from a seed (same seed, same scenario).
 *
 * <p>Contracts: some matricules hold 2–3 contracts, prices 45 000–350 000, down payments, terms
 * 1–24 (mostly 12), first periods spread over the first months. Registers: most holders ACTIVE
 * with net pay 30 000–600 000 (skewed low so that caps bind), some missing, some suspended / left /
 * retired / deceased, some with net pay 0 or negative, ministry changes, plus about twice as many
 * people without a contract (occasionally one of them twice). Returns: see {@link Scenario#returnFor}.
 */
public final class ScenarioGenerator {

    static final String[] NAMES = {
        "Kossi Agbéko",
        "Essozimna Pali",
        "Akouvi Mensah",
        "Kodjo Amavi",
        "Yawa Adjovi",
        "Komi Dossou",
        "Abla Kpodar",
        "Essowè Batchassi",
        "Ama Lawson",
        "Kokou Tchalla",
        "Afi Sodji",
        "Mawuli Akakpo",
        "Edem Gbedemah",
        "Sénamé Koffi",
        "Pélagie Ayéva",
        "Tchilabalo Bodjona",
        "Dzifa Amegah",
        "Yao Kpatcha",
        "Akossiwa Dogbé",
        "Kafui Adzoa",
        "Massama Tcha-Tchibara",
        "Élise Akué",
        "Bawa Ouro-Djobo",
        "Hélène Têtê",
        "Gnama Latta",
        "Mawussé Agbodjan",
    };

    /** Always present, to exercise spreadsheet neutralisation and CSV quoting. */
    static final String[] TRICKY_NAMES = {"=Afi Dzifa", "Lawson, Kafui Ama", "Komlan \"Papi\" Adjeï"};

    static final String[] MINISTRIES = {"MEF", "MSHP", "MEPSTA", "MFPTDS", "MAEP", "MSPC", "MTP"};

    static final String[] DEVICES = {
        "Tecno Spark 20", "Samsung Galaxy A15", "Itel A70", "Infinix Hot 40", "Tecno Camon 30"
    };

    static final int[] OTHER_TERMS = {1, 2, 3, 6, 9, 10, 18, 24};

    private ScenarioGenerator() {}

    /** A scenario of 20–60 contracts over 8–18 months starting in 2026-01. */
    public static Scenario generate(long seed) {
        Random sizing = new Random(seed ^ 0x5DEECE66DL);
        int contracts = 20 + sizing.nextInt(41);
        int months = 8 + sizing.nextInt(11);
        return generate(seed, contracts, months, "2026-01");
    }

    /** A scenario of exactly {@code contractCount} contracts over {@code months} consecutive periods. */
    public static Scenario generate(long seed, int contractCount, int months, String startPeriod) {
        if (contractCount < 1 || months < 1) {
            throw new IllegalArgumentException("need at least one contract and one month");
        }
        Random rnd = new Random(seed);
        YearMonth start = YearMonth.parse(startPeriod);
        List<String> periods = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            periods.add(start.plusMonths(i).toString());
        }

        // ---- holders (matricules with at least one contract) ----
        Set<String> usedMatricules = new HashSet<>();
        int holderCount = Math.max(1, (contractCount * 3 + 3) / 4);
        List<String> holders = new ArrayList<>();
        for (int i = 0; i < holderCount; i++) {
            holders.add(newMatricule(rnd, usedMatricules));
        }
        Map<String, String> holderName = new HashMap<>();
        Map<String, String> holderMinistry = new HashMap<>(); // null = none on the contract
        for (int i = 0; i < holders.size(); i++) {
            String name = i < TRICKY_NAMES.length ? TRICKY_NAMES[i] : NAMES[rnd.nextInt(NAMES.length)];
            holderName.put(holders.get(i), name);
            holderMinistry.put(
                    holders.get(i), rnd.nextInt(100) < 80 ? MINISTRIES[rnd.nextInt(MINISTRIES.length)] : null);
        }

        // ---- contracts: one per holder, the rest to holders with fewer than 3 ----
        List<String> owners = new ArrayList<>(holders);
        Map<String, Integer> contractsPerHolder = new HashMap<>();
        for (String h : holders) {
            contractsPerHolder.put(h, 1);
        }
        while (owners.size() < contractCount) {
            String h = holders.get(rnd.nextInt(holders.size()));
            if (contractsPerHolder.get(h) < 3 || holders.size() * 3 <= owners.size()) {
                contractsPerHolder.merge(h, 1, Integer::sum);
                owners.add(h);
            }
        }
        Collections.shuffle(owners, rnd);

        Set<String> usedIds = new HashSet<>();
        List<RefContract> contracts = new ArrayList<>();
        Map<String, ContractExtrasHolder> extras = new LinkedHashMap<>();
        Map<String, YearMonth> previousFirstPeriod = new HashMap<>();
        int spread = Math.max(1, Math.min(4, months));
        for (String owner : owners) {
            String id;
            do {
                id = "CT-" + (10_000 + rnd.nextInt(90_000));
            } while (!usedIds.add(id));
            long price = rnd.nextInt(100) < 70 ? 45_000 + 500L * rnd.nextInt(611) : 45_000 + rnd.nextInt(305_001);
            long down = 0;
            int d = rnd.nextInt(100);
            if (d >= 50 && d < 85) {
                down = 1_000L * rnd.nextInt((int) (price / 3 / 1_000) + 1);
            } else if (d >= 85) {
                down = rnd.nextInt((int) (price / 3) + 1);
            }
            int term;
            int t = rnd.nextInt(100);
            if (t < 60) {
                term = 12;
            } else if (t < 85) {
                term = OTHER_TERMS[rnd.nextInt(OTHER_TERMS.length)];
            } else {
                term = 1 + rnd.nextInt(24);
            }
            YearMonth first;
            if (previousFirstPeriod.containsKey(owner) && rnd.nextInt(100) < 30) {
                first = previousFirstPeriod.get(owner); // same first period: contract_id breaks the tie
            } else if (rnd.nextInt(100) < 10) {
                first = start.plusMonths(rnd.nextInt(Math.max(1, months / 2 + 1)));
            } else {
                first = start.plusMonths(rnd.nextInt(spread));
            }
            previousFirstPeriod.put(owner, first);
            String ministry = holderMinistry.get(owner);
            if (ministry != null && rnd.nextInt(100) < 5) {
                ministry = MINISTRIES[rnd.nextInt(MINISTRIES.length)]; // the contract says something else
            }
            contracts.add(new RefContract(id, owner, holderName.get(owner), ministry, price, down, term, first));
            String device = rnd.nextInt(100) < 80 ? DEVICES[rnd.nextInt(DEVICES.length)] : null;
            String imei = rnd.nextInt(100) < 50 ? luhnImei(rnd) : null;
            extras.put(id, new ContractExtrasHolder(device, imei, rnd.nextBoolean()));
        }

        // ---- people without a contract ----
        List<String> others = new ArrayList<>();
        for (int i = 0; i < contractCount * 2; i++) {
            others.add(newMatricule(rnd, usedMatricules));
        }
        List<String> everybody = new ArrayList<>(holders);
        everybody.addAll(others);
        Collections.shuffle(everybody, rnd); // file order is not matricule order

        Map<String, String> payrollNames = new HashMap<>();
        Map<String, Long> basePay = new HashMap<>();
        Map<String, String> status = new HashMap<>();
        Map<String, String> registerMinistry = new HashMap<>();
        for (String m : everybody) {
            String name = holderName.containsKey(m) ? holderName.get(m) : NAMES[rnd.nextInt(NAMES.length)];
            payrollNames.put(m, rnd.nextInt(100) < 30 ? name.toUpperCase(java.util.Locale.ROOT) : name);
            long pay = rnd.nextInt(100) < 30 ? 30_000 + rnd.nextInt(90_001) : 30_000 + rnd.nextInt(570_001);
            basePay.put(m, pay);
            status.put(m, "ACTIVE");
            String ministry = holderMinistry.get(m);
            if (ministry == null || rnd.nextInt(100) < 10) {
                ministry = MINISTRIES[rnd.nextInt(MINISTRIES.length)];
            }
            registerMinistry.put(m, ministry);
        }

        Map<String, List<RefPayrollRow>> registers = new LinkedHashMap<>();
        for (String period : periods) {
            List<RefPayrollRow> rows = new ArrayList<>();
            for (String m : everybody) {
                status.put(m, nextStatus(status.get(m), rnd));
                if (rnd.nextInt(100) < 3) {
                    registerMinistry.put(m, MINISTRIES[rnd.nextInt(MINISTRIES.length)]); // transfer
                }
                if (rnd.nextInt(100) < 5) {
                    continue; // missing from this month's register
                }
                long net;
                int p = rnd.nextInt(100);
                if (p < 2) {
                    net = 0;
                } else if (p < 4) {
                    net = -1 - rnd.nextInt(50_000);
                } else {
                    long base = basePay.get(m);
                    net = base - base / 20 + rnd.nextInt((int) (base / 10) + 1); // ±5 %
                }
                String ministry = rnd.nextInt(100) < 8 ? null : registerMinistry.get(m);
                rows.add(new RefPayrollRow(m, net, status.get(m), ministry));
            }
            if (!others.isEmpty() && rnd.nextInt(100) < 15) {
                // a person without a contract twice: allowed, does not matter
                String m = others.get(rnd.nextInt(others.size()));
                rows.add(new RefPayrollRow(m, basePay.get(m), "ACTIVE", registerMinistry.get(m)));
            }
            registers.put(period, rows);
        }

        Map<String, Scenario.ContractExtras> extrasOut = new LinkedHashMap<>();
        for (Map.Entry<String, ContractExtrasHolder> e : extras.entrySet()) {
            extrasOut.put(
                    e.getKey(),
                    new Scenario.ContractExtras(e.getValue().device, e.getValue().imei, e.getValue().blankDefaults));
        }
        return new Scenario(seed, periods, contracts, extrasOut, registers, payrollNames);
    }

    private record ContractExtrasHolder(String device, String imei, boolean blankDefaults) {}

    private static String nextStatus(String current, Random rnd) {
        int r = rnd.nextInt(1000);
        switch (current) {
            case "ACTIVE":
                if (r < 15) {
                    return "SUSPENDED";
                } else if (r < 21) {
                    return "LEFT";
                } else if (r < 25) {
                    return "RETIRED";
                } else if (r < 27) {
                    return "DECEASED";
                }
                return "ACTIVE";
            case "SUSPENDED":
                return r < 500 ? "ACTIVE" : "SUSPENDED";
            case "LEFT":
                return r < 100 ? "ACTIVE" : "LEFT"; // some come back
            default:
                return current; // RETIRED, DECEASED stay
        }
    }

    private static String newMatricule(Random rnd, Set<String> used) {
        String m;
        do {
            int style = rnd.nextInt(10);
            int n = rnd.nextInt(1_000_000);
            char letter = (char) ('A' + rnd.nextInt(26));
            if (style < 7) {
                m = String.format("%06d%c", n, letter);
            } else if (style < 9) {
                m = String.format("MAT-%06d", n);
            } else {
                m = String.format("%c%05d/%d", letter, n % 100_000, rnd.nextInt(10));
            }
        } while (!used.add(m));
        return m;
    }

    /** A 15-digit IMEI with a valid Luhn check digit. */
    static String luhnImei(Random rnd) {
        int[] digits = new int[15];
        digits[0] = 3 + rnd.nextInt(6);
        for (int i = 1; i < 14; i++) {
            digits[i] = rnd.nextInt(10);
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int dgt = digits[i];
            if (i % 2 == 1) { // from the right (check digit at position 14), every second digit is doubled
                dgt *= 2;
                if (dgt > 9) {
                    dgt -= 9;
                }
            }
            sum += dgt;
        }
        digits[14] = (10 - sum % 10) % 10;
        StringBuilder sb = new StringBuilder();
        for (int dgt : digits) {
            sb.append(dgt);
        }
        return sb.toString();
    }

    /** Luhn check of a digit string. */
    static boolean luhnValid(String digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
