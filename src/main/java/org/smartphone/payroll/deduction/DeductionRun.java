package org.smartphone.payroll.deduction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.contract.Balance;
import org.smartphone.payroll.contract.InstallmentSchedule;
import org.smartphone.payroll.period.Period;
import org.smartphone.payroll.files.CsvOutput;
import org.smartphone.payroll.files.InputError;
import org.smartphone.payroll.files.InputFileException;
import org.smartphone.payroll.files.Manifest;
import org.smartphone.payroll.files.Outbox;
import org.smartphone.payroll.files.Outbox.PublishedFile;
import org.smartphone.payroll.files.SpreadsheetText;
import org.smartphone.payroll.ledger.LedgerRules;
import org.smartphone.payroll.ledger.LedgerStatistics;
import org.smartphone.payroll.ledger.RowBatch;
import org.smartphone.payroll.progress.Progress;
import org.smartphone.payroll.files.DuplicateKeys;
import org.smartphone.payroll.files.InputErrors;
import org.smartphone.payroll.files.InputStaging;
import org.smartphone.payroll.files.InvalidLines;
import org.smartphone.payroll.files.DuplicateKeys;
import org.smartphone.payroll.files.InputErrors;
import org.smartphone.payroll.files.InputStaging;
import org.smartphone.payroll.files.InvalidLines;
import org.smartphone.payroll.ledger.LedgerStatistics;
import org.smartphone.payroll.ledger.RowBatch;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.text.Counted;
import org.smartphone.payroll.text.Francs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The deduction run for a period (SPEC 3): read the register, keeping contract holders' rows in
 * memory, and allocate every open contract's due within its holder's capacity; commit; publish the
 * deduction order and the exceptions; archive the register.
 */
@Service
public class DeductionRun {

    public static final List<String> ORDER_HEADER = List.of("period", "matricule", "contract_id", "full_name",
            "deduction_code", "amount_xof");
    public static final List<String> EXCEPTIONS_HEADER = List.of("period", "matricule", "contract_id",
            "full_name", "due_xof", "amount_xof", "shortfall_xof", "reason");

    /** A matricule holding a contract that appears twice in one register makes both lines invalid. */
    private static final DuplicateKeys DUPLICATES = new DuplicateKeys("matricule", "this register",
            "none of these lines is used, so this person counts as absent from the payroll.");

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final PayrollSettings settings;
    private final Home home;
    private final LedgerStatistics statistics;

    public DeductionRun(JdbcTemplate jdbc, RunRegistry runs, PayrollSettings settings, Home home,
            LedgerStatistics statistics) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.settings = settings;
        this.home = home;
        this.statistics = statistics;
    }

    /**
     * The run's work, in one transaction: reads and validates the register, keeping in memory the
     * rows of people who hold an open contract; computes every open contract's due and what its
     * holder's pay can bear (SPEC 3); writes the deduction lines and the holders' new ministry
     * codes; marks the run committed. Nothing of the register is kept in the database: a run
     * interrupted before the end leaves nothing, and the same command does it all again.
     */
    public long deduct(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        String period = run.period().toString();
        jdbc.update("DELETE FROM deduction_line WHERE period = ?", period);
        HolderEntries entries = readRegister(run);
        OrderTotals totals = allocate(run, entries);
        rememberMinistryCodes(run.period(), entries);
        statistics.refresh("deduction_line", "holder_ministry");
        runs.recordSummary(run.runId(), "ordered " + Counted.of(totals.lines, "line") + ", "
                + Francs.of(totals.amountXof) + "; " + Counted.of(totals.exceptions, "exception") + ", shortfall "
                + Francs.of(totals.shortfallXof));
        runs.markCommitted(run.runId(), run.inputName(), run.sha256());
        return totals.written;
    }

    private HolderEntries readRegister(RunContext run) {
        HolderSet.Builder builder = new HolderSet.Builder();
        DueCounts due = new DueCounts();
        // in index order: the set is built without sorting or holding the matricules as strings
        jdbc.query("SELECT matricule, CASE WHEN first_period <= ? THEN 1 ELSE 0 END FROM contract"
                + " WHERE " + LedgerRules.isOpen("contract") + " ORDER BY matricule", rs -> {
                    int before = builder.size();
                    builder.add(rs.getString(1));
                    due.count(builder.size() - 1, builder.size() > before, rs.getInt(2));
                }, run.period().toString());
        HolderSet holders = builder.build();
        try (InvalidLines invalid = new InvalidLines(home.rejected())) {
            HolderEntries entries = new HolderEntries(holders, due.counts(), invalid::carrier);
            RegisterParser parser = new RegisterParser(run.period());
            long records = InputStaging.read(run, invalid, RegisterParser.REQUIRED, RegisterParser.OPTIONAL,
                    "matricule", holders::contains, (record, cells) -> parser.parse(cells).map(row -> {
                        int holder = holders.indexOf(row.entry().matricule());
                        if (holder >= 0) {
                            entries.add(holder, row.line(), row.entry(), row.ministryCode());
                        }
                        return true;
                    }).orElse(false));
            if (records == 0) {
                throw InputErrors.wholeFile(run, home.rejected(), new InputFileException(run.inputName(),
                        new InputError(1, "", "", "The payroll register has no data row.")));
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
        try (RowBatch batch = new RowBatch(jdbc, "INSERT INTO deduction_line (period, contract_id, matricule, due_xof,"
                + " arrears_part_xof, amount_xof, reason) VALUES (?, ?, ?, ?, ?, ?, ?)", settings.batchSize())) {
            Progress progress = Progress.start("allocating " + period, entries::dueContractsInAll);
            jdbc.query("SELECT c.contract_id, c.matricule, b.financed_xof, c.term_months, c.first_period,"
                    + " c.base_installment_xof, b.collected_xof FROM contract c"
                    + " JOIN contract_balance b ON b.contract_id = c.contract_id"
                    + " WHERE " + LedgerRules.isOpen("c") + " AND c.first_period <= ?"
                    + " ORDER BY c.contract_id", rs -> {
                        progress.row();
                        String matricule = rs.getString(2);
                        int holder = entries.holders().indexOf(matricule);
                        HolderGroup group = entries.dueContracts(holder) == 1 ? new HolderGroup()
                                : waiting.computeIfAbsent(holder, h -> new HolderGroup());
                        Period first = Period.parse(rs.getString(5));
                        Balance balance = new Balance(new InstallmentSchedule(rs.getLong(3), rs.getInt(4), first,
                                rs.getLong(6)), rs.getLong(7));
                        group.add(new DueContract(rs.getString(1), matricule, first, balance.dueXof(period)),
                                balance.arrearsPartXof(period));
                        if (group.size() == entries.dueContracts(holder)) {
                            waiting.remove(holder);
                            group.allocate(allocator, entries.entry(holder, matricule), batch, period, totals);
                        }
                    }, period.toString());
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
        try (RowBatch changed = new RowBatch(jdbc, "UPDATE holder_ministry SET ministry_code = ?, period = ?"
                + " WHERE matricule = ?", settings.batchSize());
                RowBatch replaced = new RowBatch(jdbc, "INSERT INTO holder_ministry_replaced (period, matricule,"
                        + " ministry_code, code_period) VALUES (?, ?, ?, ?)", settings.batchSize())) {
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
        try (RowBatch added = new RowBatch(jdbc, "INSERT INTO holder_ministry (matricule, ministry_code, period)"
                + " VALUES (?, ?, ?)", settings.batchSize())) {
            for (int holder = remembered.nextClearBit(0); holder < holders.size();
                    holder = remembered.nextClearBit(holder + 1)) {
                String code = entries.ministryCode(holder);
                if (code != null) {
                    added.add(holders.matricule(holder), code, period.toString());
                }
            }
        }
    }

    /** Writes the deduction order, the exceptions and the manifest from the committed lines. */
    public long publish(RunContext run) throws IOException {
        String period = run.period().toString();
        Path folder = home.outbox(run.period());
        long[] ordered = {0};
        // the files' order (contract_id, then matricule: SPEC) is the key's, a contract having one line
        // a period; written with the period first so that H2 reads along the key instead of sorting
        // (it does not skip a key column bound by =)
        PublishedFile order = Outbox.publishCsv(folder, orderFile(run.period()), ORDER_HEADER, csv ->
                query(csv, "SELECT d.matricule, d.contract_id, c.full_name, d.amount_xof FROM deduction_line d"
                        + " JOIN contract c ON c.contract_id = d.contract_id WHERE d.period = ? AND "
                        + LedgerRules.isOrderLine("d")
                        + " ORDER BY d.period, d.contract_id", period, row -> {
                            ordered[0] += row.getLong(4);
                            return new String[] {period, row.getString(1), row.getString(2),
                                SpreadsheetText.copied(row.getString(3)), run.deductionCode(),
                                Long.toString(row.getLong(4))};
                        }));
        long[] exceptionTotals = {0, 0, 0};
        PublishedFile exceptions = Outbox.publishCsv(folder, exceptionsFile(run.period()),
                EXCEPTIONS_HEADER, csv -> query(csv, "SELECT d.matricule, d.contract_id, c.full_name, d.due_xof,"
                        + " d.amount_xof, d.reason FROM deduction_line d JOIN contract c ON c.contract_id = d.contract_id"
                        + " WHERE d.period = ? AND " + LedgerRules.isException("d")
                        + " ORDER BY d.period, d.contract_id",
                        period, row -> {
                            long due = row.getLong(4);
                            long amount = row.getLong(5);
                            exceptionTotals[0] += due;
                            exceptionTotals[1] += amount;
                            exceptionTotals[2] += due - amount;
                            return new String[] {period, row.getString(1), row.getString(2),
                                SpreadsheetText.copied(row.getString(3)), Long.toString(due), Long.toString(amount),
                                Long.toString(due - amount), row.getString(6)};
                        }));
        Manifest manifest = new Manifest("deduction", period, run.inputName(), run.sha256());
        manifest.add(order, Map.of("amount_xof", ordered[0]));
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("due_xof", exceptionTotals[0]);
        totals.put("amount_xof", exceptionTotals[1]);
        totals.put("shortfall_xof", exceptionTotals[2]);
        manifest.add(exceptions, totals);
        Outbox.publishText(folder, manifestFile(run.period()), manifest.toJson());
        return order.records() + exceptions.records();
    }

    /**
     * Undoes the committed deduction run of a period, the latest one (SPEC 6, revoke): its lines go,
     * the ministry codes it replaced come back, and those it recorded for holders seen for the first
     * time go (every code of the period not replacing one was such). One transaction with the rest of
     * the revocation.
     */
    public void revoke(Period period) {
        String p = period.toString();
        jdbc.update("DELETE FROM deduction_line WHERE period = ?", p);
        jdbc.update("DELETE FROM holder_ministry WHERE period = ? AND matricule NOT IN (SELECT matricule"
                + " FROM holder_ministry_replaced WHERE period = ?)", p, p);
        jdbc.update("UPDATE holder_ministry SET ministry_code = (SELECT r.ministry_code FROM holder_ministry_replaced r"
                + " WHERE r.period = ? AND r.matricule = holder_ministry.matricule), period = (SELECT r.code_period"
                + " FROM holder_ministry_replaced r WHERE r.period = ? AND r.matricule = holder_ministry.matricule)"
                + " WHERE period = ?", p, p, p);
        jdbc.update("DELETE FROM holder_ministry_replaced WHERE period = ?", p);
    }

    /** Whether the deduction run of a period recorded a holder's ministry code (first seen or replaced). */
    public boolean recordedMinistryCodes(Period period) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM holder_ministry WHERE period = ?)",
                Boolean.class, period.toString()));
    }

    /** The files the deduction run of a period publishes in its outbox folder, sidecars included. */
    public static List<String> outputFiles(Period period) {
        return List.of(orderFile(period), orderFile(period) + ".sha256", exceptionsFile(period),
                exceptionsFile(period) + ".sha256", manifestFile(period));
    }

    private static String orderFile(Period period) {
        return "deductions-" + period + ".csv";
    }

    private static String exceptionsFile(Period period) {
        return "deduction-exceptions-" + period + ".csv";
    }

    private static String manifestFile(Period period) {
        return "deduction-" + period + ".manifest.json";
    }

    /** Removes what an unfinished deduction run staged and computed (for {@code abandon}). */
    public void discard(Period period) {
        jdbc.update("DELETE FROM deduction_line WHERE period = ?", period.toString());
    }


    private void query(CsvOutput csv, String sql, String period, RowMapper mapper) {
        jdbc.query(sql, rs -> {
            try {
                csv.writeRecord(mapper.map(rs));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, period);
    }

    /** Maps one result row to the cells of an output record. */
    @FunctionalInterface
    interface RowMapper {
        String[] map(ResultSet rs) throws SQLException;
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
        void allocate(DeductionAllocator allocator, PayrollEntry entry, RowBatch batch, Period period,
                OrderTotals totals) {
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
                batch.add(period.toString(), c.contractId(), c.matricule(), c.dueXof(),
                        arrearsPartOf.get(c.contractId()), instruction.amountXof(),
                        instruction.reason() == null ? null : instruction.reason().name());
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
