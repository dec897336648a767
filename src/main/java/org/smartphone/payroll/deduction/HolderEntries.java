package org.smartphone.payroll.deduction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;
import org.smartphone.payroll.files.DuplicateKeys;

/**
 * The register rows of contract holders, kept in memory while the deduction run reads the register:
 * one slot per holder, in arrays parallel to the {@link HolderSet} (about 25 bytes a holder, so
 * 3 million holders take about 75 MB). The rest of the register is never kept: the memory grows with
 * the number of contracts, not with the register.
 *
 * <p>A holder's matricule on two valid rows, or on a valid row and an invalid one, makes all those
 * lines invalid and the holder absent from the payroll (SPEC 5): the first valid row is kept here, the
 * later rows go to the run's other carriers of a matricule, and {@link #rejected} forgets the row of a
 * holder whose matricule turns out to be repeated.
 */
final class HolderEntries implements DuplicateKeys.KeptLines {

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
    /** Where a holder's valid rows after the first go (matricule, line): they are repeats. */
    private final ObjLongConsumer<String> repeats;

    /** How many contracts due this period each holder has (some may have none yet). */
    private final int[] dueContracts;

    /**
     * @param dueContracts the number of each holder's contracts due this period, by position (at
     *     least as long as the holder set)
     * @param repeats where a holder's valid rows after the first go (matricule, line)
     */
    HolderEntries(HolderSet holders, int[] dueContracts, ObjLongConsumer<String> repeats) {
        this.holders = holders;
        this.repeats = repeats;
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

    /** Keeps a valid row of a holder (its position in the holder set); a later one is a repeat. */
    void add(int holder, long lineNumber, PayrollEntry entry, String ministryCode) {
        if (status[holder] != 0) {
            repeats.accept(entry.matricule(), lineNumber);
            return;
        }
        netPayXof[holder] = entry.netPayXof();
        line[holder] = lineNumber;
        status[holder] = (byte) (entry.status().ordinal() + 1);
        ministry[holder] = ministryCode == null
                ? 0
                : 1
                        + ministryIndex.computeIfAbsent(ministryCode, code -> {
                            ministryCodes.add(code);
                            return ministryCodes.size() - 1;
                        });
    }

    /** The line of the holder's first valid row, or 0: none, or not a holder. */
    @Override
    public long keptLine(String matricule) {
        int holder = holders.indexOf(matricule);
        return holder >= 0 && status[holder] != 0 ? line[holder] : 0;
    }

    /** A holder whose matricule is repeated is absent from the payroll. */
    @Override
    public void rejected(String matricule, long lineNumber) {
        int holder = holders.indexOf(matricule);
        if (holder >= 0) {
            status[holder] = 0;
        }
    }

    /** The holder's register row, or null when the holder is absent from this register. */
    PayrollEntry entry(int holder, String matricule) {
        return status[holder] == 0
                ? null
                : new PayrollEntry(matricule, netPayXof[holder], STATUSES[status[holder] - 1]);
    }

    /** The ministry code on the holder's row, or null (absent, or no code on the row). */
    String ministryCode(int holder) {
        return status[holder] == 0 || ministry[holder] == 0 ? null : ministryCodes.get(ministry[holder] - 1);
    }
}
