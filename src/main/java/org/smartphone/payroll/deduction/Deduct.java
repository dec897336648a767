package org.smartphone.payroll.deduction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.contract.Balance;
import org.smartphone.payroll.contract.InstallmentSchedule;
import org.smartphone.payroll.files.DuplicateKeys;
import org.smartphone.payroll.files.InputError;
import org.smartphone.payroll.files.InputErrors;
import org.smartphone.payroll.files.InputFileException;
import org.smartphone.payroll.files.InputStaging;
import org.smartphone.payroll.files.InvalidLines;
import org.smartphone.payroll.ledger.LedgerRules;
import org.smartphone.payroll.ledger.LedgerStatistics;
import org.smartphone.payroll.ledger.RowBatch;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.progress.Progress;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.RunSteps.Work;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.Francs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The step {@code deduct} of the deduction run (SPEC 3), in one transaction: reads and validates the
 * register, keeping in memory the rows of people who hold an open contract; computes every open
 * contract's due and what its holder's pay can bear ({@link DeductionAllocator}); writes the deduction
 * lines and the holders' new ministry codes; marks the run committed. Nothing of the register is kept
 * in the database: a run interrupted before the end leaves nothing, and the same command does it all
 * again.
 */
@Component
class Deduct implements Work {

    /** A matricule holding a contract that appears twice in one register makes both lines invalid. */
    private static final DuplicateKeys DUPLICATES = new DuplicateKeys(
            "matricule",
            "this register",
            "none of these lines is used, so this person counts as absent from the payroll.");

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final PayrollSettings settings;
    private final Home home;
    private final LedgerStatistics statistics;

    Deduct(JdbcTemplate jdbc, RunRegistry runs, PayrollSettings settings, Home home, LedgerStatistics statistics) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.settings = settings;
        this.home = home;
        this.statistics = statistics;
    }

    @Override
    public long run(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        String period = run.period().toString();
        jdbc.update("DELETE FROM deduction_line WHERE period = ?", period);
        HolderEntries entries = readRegister(run);
        OrderTotals totals = allocate(run, entries);
        rememberMinistryCodes(run.period(), entries);
        statistics.refresh("deduction_line", "holder_ministry");
        runs.recordSummary(
                run.runId(),
                "ordered " + Counted.of(totals.lines, "line") + ", "
                        + Francs.of(totals.amountXof) + "; " + Counted.of(totals.exceptions, "exception")
                        + ", shortfall "
                        + Francs.of(totals.shortfallXof));
        runs.markCommitted(run.runId(), run.inputName(), run.sha256());
        return totals.written;
    }

    private HolderEntries readRegister(RunContext run) {
        HolderSet.Builder builder = new HolderSet.Builder();
        DueCounts due = new DueCounts();
        // in index order: the set is built without sorting or holding the matricules as strings
        jdbc.query(
                "SELECT matricule, CASE WHEN first_period <= ? THEN 1 ELSE 0 END FROM contract" + " WHERE "
                        + LedgerRules.isOpen("contract") + " ORDER BY matricule",
                rs -> {
                    int before = builder.size();
                    builder.add(rs.getString(1));
                    due.count(builder.size() - 1, builder.size() > before, rs.getInt(2));
                },
                run.period().toString());
        HolderSet holders = builder.build();
        try (InvalidLines invalid = new InvalidLines(home.rejected())) {
            HolderEntries entries = new HolderEntries(holders, due.counts(), invalid::carrier);
            RegisterParser parser = new RegisterParser(run.period());
            long records = InputStaging.read(
                    run,
                    invalid,
                    RegisterParser.REQUIRED,
                    RegisterParser.OPTIONAL,
                    "matricule",
                    holders::contains,
                    (record, cells) -> parser.parse(cells)
                            .map(row -> {
                                int holder = holders.indexOf(row.entry().matricule());
                                if (holder >= 0) {
                                    entries.add(holder, row.line(), row.entry(), row.ministryCode());
                                }
                                return true;
                            })
                            .orElse(false));
            if (records == 0) {
                throw InputErrors.wholeFile(
                        run,
                        home.rejected(),
                        new InputFileException(
                                run.inputName(), new InputError(1, "", "", "The payroll register has no data row.")));
            }
            invalid.rejectRepeats(DUPLICATES, entries);
            invalid.settle(run, runs, records);
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Allocates holder by holder. The contracts are read in contract_id order, the order of the
     * deduction lines' key, so that the lines are written one after the other rather than all over
     * the table (on H2 that halves the cost of writing and committing them); a holder of several
     * due contracts is allocated when the last of them has been read.
     */
    private OrderTotals allocate(RunContext run, HolderEntries entries) {
        Period period = run.period();
        DeductionAllocator allocator = new DeductionAllocator(run.capRatio());
        Map<Integer, HolderGroup> waiting = new HashMap<>();
        OrderTotals totals = new OrderTotals();
        try (RowBatch batch = new RowBatch(
                jdbc,
                "INSERT INTO deduction_line (period, contract_id, matricule, due_xof,"
                        + " arrears_part_xof, amount_xof, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
                settings.batchSize())) {
            Progress progress = Progress.start("allocating " + period, entries::dueContractsInAll);
            jdbc.query(
                    "SELECT c.contract_id, c.matricule, b.financed_xof, c.term_months, c.first_period,"
                            + " c.base_installment_xof, b.collected_xof FROM contract c"
                            + " JOIN contract_balance b ON b.contract_id = c.contract_id"
                            + " WHERE " + LedgerRules.isOpen("c") + " AND c.first_period <= ?"
                            + " ORDER BY c.contract_id",
                    rs -> {
                        progress.row();
                        String matricule = rs.getString(2);
                        int holder = entries.holders().indexOf(matricule);
                        HolderGroup group = entries.dueContracts(holder) == 1
                                ? new HolderGroup()
                                : waiting.computeIfAbsent(holder, h -> new HolderGroup());
                        Period first = Period.parse(rs.getString(5));
                        Balance balance = new Balance(
                                new InstallmentSchedule(rs.getLong(3), rs.getInt(4), first, rs.getLong(6)),
                                rs.getLong(7));
                        group.add(
                                new DueContract(rs.getString(1), matricule, first, balance.dueXof(period)),
                                balance.arrearsPartXof(period));
                        if (group.size() == entries.dueContracts(holder)) {
                            waiting.remove(holder);
                            group.allocate(allocator, entries.entry(holder, matricule), batch, period, totals);
                        }
                    },
                    period.toString());
            if (!waiting.isEmpty()) {
                throw new IllegalStateException("contracts changed while the run read them: " + waiting.size()
                        + " holder(s) short of contracts");
            }
            progress.close();
        }
        return totals;
    }

    /**
     * Remembers the ministry codes read for holders that differ from the ones remembered (SPEC 4:
     * the latest non-blank code read): after the first month, usually few. Holders seen for the
     * first time are inserted, in key order; the others updated, the code they replace kept aside
     * for a revocation of this run (SPEC 6) to put back.
     */
    private void rememberMinistryCodes(Period period, HolderEntries entries) {
        HolderSet holders = entries.holders();
        BitSet remembered = new BitSet(holders.size());
        try (RowBatch changed = new RowBatch(
                        jdbc,
                        "UPDATE holder_ministry SET ministry_code = ?, period = ?" + " WHERE matricule = ?",
                        settings.batchSize());
                RowBatch replaced = new RowBatch(
                        jdbc,
                        "INSERT INTO holder_ministry_replaced (period, matricule,"
                                + " ministry_code, code_period) VALUES (?, ?, ?, ?)",
                        settings.batchSize())) {
            jdbc.query("SELECT matricule, ministry_code, period FROM holder_ministry", rs -> {
                int holder = holders.indexOf(rs.getString(1));
                if (holder >= 0) {
                    remembered.set(holder);
                    String code = entries.ministryCode(holder);
                    if (code != null && !code.equals(rs.getString(2))) {
                        changed.add(code, period.toString(), rs.getString(1));
                        replaced.add(period.toString(), rs.getString(1), rs.getString(2), rs.getString(3));
                    }
                }
            });
        }
        try (RowBatch added = new RowBatch(
                jdbc,
                "INSERT INTO holder_ministry (matricule, ministry_code, period)" + " VALUES (?, ?, ?)",
                settings.batchSize())) {
            for (int holder = remembered.nextClearBit(0);
                    holder < holders.size();
                    holder = remembered.nextClearBit(holder + 1)) {
                String code = entries.ministryCode(holder);
                if (code != null) {
                    added.add(holders.matricule(holder), code, period.toString());
                }
            }
        }
    }

    /** The due contracts of one holder, gathered until all have been read. */
    private static final class HolderGroup {

        private final List<DueContract> contracts = new ArrayList<>(1);
        private final List<Long> arrearsParts = new ArrayList<>(1);

        void add(DueContract contract, long arrearsPart) {
            contracts.add(contract);
            arrearsParts.add(arrearsPart);
        }

        int size() {
            return contracts.size();
        }

        /** Writes the deduction line of every contract with a due above zero. */
        void allocate(
                DeductionAllocator allocator, PayrollEntry entry, RowBatch batch, Period period, OrderTotals totals) {
            Map<String, Long> arrearsPartOf = new HashMap<>();
            List<DueContract> due = new ArrayList<>(contracts.size());
            for (int i = 0; i < contracts.size(); i++) {
                if (contracts.get(i).dueXof() > 0) {
                    due.add(contracts.get(i));
                    arrearsPartOf.put(contracts.get(i).contractId(), arrearsParts.get(i));
                }
            }
            if (due.isEmpty()) {
                return;
            }
            for (Instruction instruction : allocator.allocate(entry, due)) {
                DueContract c = instruction.contract();
                batch.add(
                        period.toString(),
                        c.contractId(),
                        c.matricule(),
                        c.dueXof(),
                        arrearsPartOf.get(c.contractId()),
                        instruction.amountXof(),
                        instruction.reason() == null
                                ? null
                                : instruction.reason().name());
                totals.add(c.dueXof(), instruction.amountXof());
            }
        }
    }

    /** What the run ordered, for its summary: summed as the lines are written. */
    private static final class OrderTotals {

        private long written;
        private long lines;
        private long amountXof;
        private long exceptions;
        private long shortfallXof;

        void add(long dueXof, long amountXof) {
            written++;
            if (amountXof > 0) {
                lines++;
                this.amountXof += amountXof;
            }
            if (amountXof < dueXof) {
                exceptions++;
                shortfallXof += dueXof - amountXof;
            }
        }
    }

    /** How many due contracts each holder has, by position in the holder set, counted as the set is built. */
    private static final class DueCounts {

        private int[] counts = new int[1 << 12];

        void count(int holder, boolean isNew, int due) {
            if (holder >= counts.length) {
                counts = Arrays.copyOf(counts, counts.length * 2);
            }
            counts[holder] = isNew ? due : counts[holder] + due;
        }

        int[] counts() {
            return counts;
        }
    }
}
