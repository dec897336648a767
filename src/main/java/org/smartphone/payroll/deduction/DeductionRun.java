package org.smartphone.payroll.deduction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smartphone.payroll.config.Home;
import org.smartphone.payroll.config.PayrollSettings;
import org.smartphone.payroll.contract.Balance;
import org.smartphone.payroll.contract.InstallmentSchedule;
import org.smartphone.payroll.contract.Period;
import org.smartphone.payroll.files.CsvOutput;
import org.smartphone.payroll.files.InputError;
import org.smartphone.payroll.files.InputFileException;
import org.smartphone.payroll.files.Manifest;
import org.smartphone.payroll.files.Outbox;
import org.smartphone.payroll.files.Outbox.PublishedFile;
import org.smartphone.payroll.progress.Progress;
import org.smartphone.payroll.run.RowBatch;
import org.smartphone.payroll.run.DuplicateKeys;
import org.smartphone.payroll.run.InputErrors;
import org.smartphone.payroll.run.InputStaging;
import org.smartphone.payroll.run.RunContext;
import org.smartphone.payroll.run.RunRegistry;
import org.smartphone.payroll.run.StagingTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The deduction run for a period (SPEC 3): stage the register rows of contract holders, allocate
 * every open contract's due within its holder's capacity, commit, publish the deduction order and
 * the exceptions, archive the register.
 */
@Service
public class DeductionRun {

    public static final List<String> ORDER_HEADER = List.of("period", "matricule", "contract_id", "full_name",
            "deduction_code", "amount_xof");
    public static final List<String> EXCEPTIONS_HEADER = List.of("period", "matricule", "contract_id",
            "full_name", "due_xof", "amount_xof", "shortfall_xof", "reason");

    /** A matricule holding a contract that appears twice in one register makes both lines invalid. */
    private static final DuplicateKeys DUPLICATES = new DuplicateKeys("register_entry", "period", "matricule",
            "this register", "none of these lines is used, so this person counts as absent from the payroll.");

    private final JdbcTemplate jdbc;
    private final RunRegistry runs;
    private final PayrollSettings settings;
    private final Home home;
    private final StagingTables staging;

    public DeductionRun(JdbcTemplate jdbc, RunRegistry runs, PayrollSettings settings, Home home,
            StagingTables staging) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.settings = settings;
        this.home = home;
        this.staging = staging;
    }

    /** Reads and validates the register, keeping only the rows of people who hold an open contract. */
    public long stageRegister(RunContext run) {
        run.checkInputUnchanged();
        String period = run.period().toString();
        jdbc.update("DELETE FROM register_entry WHERE period = ?", period);
        HolderSet.Builder builder = new HolderSet.Builder();
        // in index order: the set is built without sorting or holding the matricules as strings
        jdbc.query("SELECT matricule FROM contract WHERE settled_period IS NULL ORDER BY matricule",
                rs -> {
                    builder.add(rs.getString(1));
                });
        HolderSet holders = builder.build();
        RegisterParser parser = new RegisterParser(run.period());
        InputStaging.Read read;
        try (RowBatch batch = new RowBatch(jdbc, "INSERT INTO register_entry (period, line, matricule, net_pay_xof,"
                + " employment_status, ministry_code) VALUES (?, ?, ?, ?, ?, ?)", settings.batchSize())) {
            read = InputStaging.read(run, home.rejected(), RegisterParser.REQUIRED, RegisterParser.OPTIONAL,
                    "matricule", holders::contains, (record, cells) -> parser.parse(cells).map(row -> {
                        PayrollEntry entry = row.entry();
                        if (holders.contains(entry.matricule())) {
                            batch.add(period, row.line(), entry.matricule(), entry.netPayXof(),
                                    entry.status().name(), row.ministryCode());
                        }
                        return true;
                    }).orElse(false));
        }
        if (read.records() == 0) {
            throw InputErrors.wholeFile(run, home.rejected(), new InputFileException(run.inputName(),
                    new InputError(1, "", "", "The payroll register has no data row.")));
        }
        read.errors().addAll(DUPLICATES.reject(jdbc, period, read.invalidLinesByKey()));
        read.settle(run, runs, home.rejected());
        return read.records();
    }

    /** Computes every open contract's due and what its holder's pay can bear (SPEC 3). */
    public long allocate(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        String period = run.period().toString();
        jdbc.update("DELETE FROM deduction_line WHERE period = ?", period);
        DeductionAllocator allocator = new DeductionAllocator(run.capRatio());
        long[] written = {0};
        try (RowBatch batch = new RowBatch(jdbc, "INSERT INTO deduction_line (period, contract_id, matricule, due_xof,"
                + " arrears_part_xof, amount_xof, reason) VALUES (?, ?, ?, ?, ?, ?, ?)", settings.batchSize())) {
            MatriculeGroup group = new MatriculeGroup();
            Progress progress = Progress.start("allocating " + period, () -> openContracts(period));
            jdbc.query("SELECT c.contract_id, c.matricule, c.price_xof - c.down_payment_xof, c.term_months,"
                    + " c.first_period, c.base_installment_xof, c.collected_xof, r.net_pay_xof, r.employment_status"
                    + " FROM contract c LEFT JOIN register_entry r ON r.period = ? AND r.matricule = c.matricule"
                    + " WHERE c.settled_period IS NULL AND c.first_period <= ? ORDER BY c.matricule", rs -> {
                        progress.row();
                        String matricule = rs.getString(2);
                        if (!matricule.equals(group.matricule)) {
                            written[0] += group.flush(allocator, batch, run.period());
                            group.start(matricule, rs.getString(9) == null ? null : new PayrollEntry(matricule,
                                    rs.getLong(8), EmploymentStatus.valueOf(rs.getString(9))));
                        }
                        Period first = Period.parse(rs.getString(5));
                        Balance balance = new Balance(new InstallmentSchedule(rs.getLong(3), rs.getInt(4), first,
                                rs.getLong(6)), rs.getLong(7));
                        group.add(new DueContract(rs.getString(1), matricule, first, balance.dueXof(run.period())),
                                balance.arrearsPartXof(run.period()));
                    }, period, period);
            written[0] += group.flush(allocator, batch, run.period());
            progress.close();
        }
        return written[0];
    }

    /**
     * Commits the run, once: the deduction lines become the period's, and the ministry codes read
     * for contract holders are remembered. The period counts as deducted when the run completes.
     */
    public long commit(RunContext run) {
        if (runs.isCommitted(run.runId())) {
            return 0;
        }
        String period = run.period().toString();
        // one upsert (a holder's matricule is on one staged row at most: duplicates were rejected)
        String rows = " SELECT matricule, ministry_code, period FROM register_entry WHERE period = ?"
                + " AND ministry_code IS NOT NULL";
        jdbc.update(staging.isPostgres()
                ? "INSERT INTO holder_ministry (matricule, ministry_code, period)" + rows + " ON CONFLICT (matricule)"
                        + " DO UPDATE SET ministry_code = EXCLUDED.ministry_code, period = EXCLUDED.period"
                : "MERGE INTO holder_ministry (matricule, ministry_code, period) KEY (matricule)" + rows, period);
        Map<String, Long> totals = totals(period);
        runs.recordSummary(run.runId(), "ordered " + totals.get("lines") + " line(s), " + totals.get("amount")
                + " F; " + totals.get("exceptions") + " exception(s), shortfall " + totals.get("shortfall") + " F");
        runs.markCommitted(run.runId(), run.inputName(), run.sha256());
        return 1;
    }

    /** Writes the deduction order, the exceptions and the manifest from the committed lines. */
    public long publish(RunContext run) throws IOException {
        String period = run.period().toString();
        Path folder = home.outbox(run.period());
        long[] ordered = {0};
        PublishedFile order = Outbox.publishCsv(folder, "deductions-" + period + ".csv", ORDER_HEADER, csv ->
                query(csv, "SELECT d.matricule, d.contract_id, c.full_name, d.amount_xof FROM deduction_line d"
                        + " JOIN contract c ON c.contract_id = d.contract_id WHERE d.period = ? AND d.amount_xof > 0"
                        + " ORDER BY d.contract_id, d.matricule", period, row -> {
                            ordered[0] += row.getLong(4);
                            return new String[] {period, row.getString(1), row.getString(2),
                                CsvOutput.copied(row.getString(3)), run.deductionCode(),
                                Long.toString(row.getLong(4))};
                        }));
        long[] exceptionTotals = {0, 0, 0};
        PublishedFile exceptions = Outbox.publishCsv(folder, "deduction-exceptions-" + period + ".csv",
                EXCEPTIONS_HEADER, csv -> query(csv, "SELECT d.matricule, d.contract_id, c.full_name, d.due_xof,"
                        + " d.amount_xof, d.reason FROM deduction_line d JOIN contract c ON c.contract_id = d.contract_id"
                        + " WHERE d.period = ? AND d.amount_xof < d.due_xof ORDER BY d.contract_id, d.matricule",
                        period, row -> {
                            long due = row.getLong(4);
                            long amount = row.getLong(5);
                            exceptionTotals[0] += due;
                            exceptionTotals[1] += amount;
                            exceptionTotals[2] += due - amount;
                            return new String[] {period, row.getString(1), row.getString(2),
                                CsvOutput.copied(row.getString(3)), Long.toString(due), Long.toString(amount),
                                Long.toString(due - amount), row.getString(6)};
                        }));
        Manifest manifest = new Manifest("deduction", period, run.inputName(), run.sha256());
        manifest.add(order, Map.of("amount_xof", ordered[0]));
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("due_xof", exceptionTotals[0]);
        totals.put("amount_xof", exceptionTotals[1]);
        totals.put("shortfall_xof", exceptionTotals[2]);
        manifest.add(exceptions, totals);
        Outbox.publishText(folder, "deduction-" + period + ".manifest.json", manifest.toJson());
        return order.records() + exceptions.records();
    }

    /** Empties the register rows once the run is committed (first thing of the archive step). */
    public void clearStaged(RunContext run) {
        staging.clear("register_entry", "period", run.period().toString());
    }

    /** Removes what an unfinished deduction run staged and computed (for {@code abandon}). */
    public void discard(Period period) {
        jdbc.update("DELETE FROM register_entry WHERE period = ?", period.toString());
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

    /** The rows the allocation reads, for its progress line. */
    private long openContracts(String period) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM contract WHERE settled_period IS NULL AND first_period <= ?",
                Long.class, period);
    }

    private Map<String, Long> totals(String period) {
        return jdbc.queryForObject("SELECT SUM(CASE WHEN amount_xof > 0 THEN 1 ELSE 0 END),"
                + " COALESCE(SUM(amount_xof), 0), SUM(CASE WHEN amount_xof < due_xof THEN 1 ELSE 0 END),"
                + " COALESCE(SUM(due_xof - amount_xof), 0) FROM deduction_line WHERE period = ?", (rs, i) -> {
                    Map<String, Long> totals = new HashMap<>();
                    totals.put("lines", rs.getLong(1));
                    totals.put("amount", rs.getLong(2));
                    totals.put("exceptions", rs.getLong(3));
                    totals.put("shortfall", rs.getLong(4));
                    return totals;
                }, period);
    }

    /** Maps one result row to the cells of an output record. */
    @FunctionalInterface
    interface RowMapper {
        String[] map(ResultSet rs) throws SQLException;
    }

    /** The contracts of one matricule, gathered from the sorted stream before allocation. */
    private static final class MatriculeGroup {

        private String matricule;
        private PayrollEntry entry;
        private final List<DueContract> contracts = new ArrayList<>();
        private final Map<String, Long> arrearsParts = new HashMap<>();

        void start(String matricule, PayrollEntry entry) {
            this.matricule = matricule;
            this.entry = entry;
            contracts.clear();
            arrearsParts.clear();
        }

        void add(DueContract contract, long arrearsPart) {
            if (contract.dueXof() > 0) {
                contracts.add(contract);
                arrearsParts.put(contract.contractId(), arrearsPart);
            }
        }

        long flush(DeductionAllocator allocator, RowBatch batch, Period period) {
            if (contracts.isEmpty()) {
                return 0;
            }
            List<Instruction> instructions = allocator.allocate(entry, contracts);
            for (Instruction instruction : instructions) {
                DueContract c = instruction.contract();
                batch.add(period.toString(), c.contractId(), c.matricule(), c.dueXof(),
                        arrearsParts.get(c.contractId()), instruction.amountXof(),
                        instruction.reason() == null ? null : instruction.reason().name());
            }
            contracts.clear();
            return instructions.size();
        }
    }
}
