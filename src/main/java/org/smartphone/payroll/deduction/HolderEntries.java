package org.smartphone.payroll.deduction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The register rows of contract holders, kept in memory while the deduction run reads the register:
 * one slot per holder, in arrays parallel to the {@link HolderSet} (about 25 bytes a holder, so
 * 3 million holders take about 75 MB). The rest of the register is never kept: the memory grows with
 * the number of contracts, not with the register.
 *
 * <p>A holder's matricule on two valid rows, or on a valid row and an invalid one, makes all those
 * lines invalid and the holder absent from the payroll (SPEC 5): {@link #rejectRepeats} finds them.
 */
final class HolderEntries {

    private static final EmploymentStatus[] STATUSES = EmploymentStatus.values();

    private final HolderSet holders;
    private final long[] netPayXof;
    private final long[] line;
    /** 0 when the holder has no valid row; otherwise 1 + the ordinal of the employment status. */
    private final byte[] status;
    /** 0 when the row has no ministry code; otherwise 1 + its index in {@link #ministryCodes}. */
    private final int[] ministry;
    private final List<String> ministryCodes = new ArrayList<>();
    private final Map<String, Integer> ministryIndex = new HashMap<>();
    /** Holders seen on more than one valid row, with all those lines: rare, so kept apart. */
    private final Map<Integer, List<Long>> repeats = new LinkedHashMap<>();

    /** How many contracts due this period each holder has (some may have none yet). */
    private final int[] dueContracts;

    /**
     * @param dueContracts the number of each holder's contracts due this period, by position (at
     *     least as long as the holder set)
     */
    HolderEntries(HolderSet holders, int[] dueContracts) {
        this.holders = holders;
        this.dueContracts = dueContracts;
        int size = holders.size();
        this.netPayXof = new long[size];
        this.line = new long[size];
        this.status = new byte[size];
        this.ministry = new int[size];
    }

    HolderSet holders() {
        return holders;
    }

    int dueContracts(int holder) {
        return dueContracts[holder];
    }

    /** How many contracts are due this period, all holders together: what the allocation reads. */
    long dueContractsInAll() {
        long sum = 0;
        for (int holder = 0; holder < holders.size(); holder++) {
            sum += dueContracts[holder];
        }
        return sum;
    }

    /** Keeps a valid row of a holder (its position in the holder set). */
    void add(int holder, long lineNumber, PayrollEntry entry, String ministryCode) {
        List<Long> repeated = repeats.get(holder);
        if (repeated != null) {
            repeated.add(lineNumber);
            return;
        }
        if (status[holder] != 0) {
            repeats.put(holder, new ArrayList<>(List.of(line[holder], lineNumber)));
            return;
        }
        netPayXof[holder] = entry.netPayXof();
        line[holder] = lineNumber;
        status[holder] = (byte) (entry.status().ordinal() + 1);
        ministry[holder] = ministryCode == null ? 0 : 1 + ministryIndex.computeIfAbsent(ministryCode, code -> {
            ministryCodes.add(code);
            return ministryCodes.size() - 1;
        });
    }

    /**
     * Removes every holder whose matricule is on more than one line (valid, or invalid for another
     * reason), and returns those lines by matricule.
     *
     * @param invalidLines the invalid lines that carry a holder's matricule, by matricule
     */
    Map<String, List<Long>> rejectRepeats(Map<String, List<Long>> invalidLines) {
        Map<String, List<Long>> rejected = new HashMap<>();
        for (Map.Entry<Integer, List<Long>> repeat : repeats.entrySet()) {
            rejected.put(holders.matricule(repeat.getKey()), new ArrayList<>(repeat.getValue()));
        }
        for (Map.Entry<String, List<Long>> invalid : invalidLines.entrySet()) {
            int holder = holders.indexOf(invalid.getKey());
            if (holder < 0) {
                continue;
            }
            List<Long> lines = rejected.computeIfAbsent(invalid.getKey(), key -> status[holder] == 0
                    ? new ArrayList<>() : new ArrayList<>(List.of(line[holder])));
            lines.addAll(invalid.getValue());
            if (lines.size() < 2) {
                rejected.remove(invalid.getKey());
            }
        }
        for (String matricule : rejected.keySet()) {
            status[holders.indexOf(matricule)] = 0;
        }
        repeats.clear();
        return rejected;
    }

    /** The holder's register row, or null when the holder is absent from this register. */
    PayrollEntry entry(int holder, String matricule) {
        return status[holder] == 0 ? null
                : new PayrollEntry(matricule, netPayXof[holder], STATUSES[status[holder] - 1]);
    }

    /** The ministry code on the holder's row, or null (absent, or no code on the row). */
    String ministryCode(int holder) {
        return status[holder] == 0 || ministry[holder] == 0 ? null : ministryCodes.get(ministry[holder] - 1);
    }
}
