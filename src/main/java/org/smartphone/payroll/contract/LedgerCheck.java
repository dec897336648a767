package org.smartphone.payroll.contract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.smartphone.payroll.files.InputError;
import org.smartphone.payroll.period.Period;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks the valid lines of a contracts file against the ledger (SPEC 2): a contract already imported
 * with the same values is a repeat (a no-op), with other values a conflict; a new contract must start
 * after the last period deducted or being deducted. Lines are looked up by contract_id a batch at a
 * time (one indexed query per batch, nothing when the ledger holds no contract yet), so that the
 * cost follows the file, not the ledger, and memory holds one batch.
 *
 * <p>Its errors are provisional: a line whose contract_id turns out to be repeated in the file gets
 * only that error, as the rule on repeated ids comes first. They go to a sink as they are found
 * (contract_id, error), not to a list: a file of a million conflicts takes no more memory than one.
 */
final class LedgerCheck {

    private final JdbcTemplate jdbc;
    private final Optional<Period> lastDeducted;
    private final int batchSize;
    private final boolean ledgerEmpty;
    private final List<Long> pendingLines;
    private final List<Contract> pending;
    private final LineList repeats = new LineList();
    private final BiConsumer<String, InputError> provisional;

    /**
     * @param lastDeducted the last period deducted or being deducted, if any
     * @param provisional where the errors go, with the contract_id of their line
     */
    LedgerCheck(
            JdbcTemplate jdbc,
            Optional<Period> lastDeducted,
            int batchSize,
            BiConsumer<String, InputError> provisional) {
        this.jdbc = jdbc;
        this.provisional = provisional;
        this.lastDeducted = lastDeducted;
        this.batchSize = batchSize;
        this.ledgerEmpty =
                !Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM contract)", Boolean.class));
        this.pendingLines = new ArrayList<>(batchSize);
        this.pending = new ArrayList<>(batchSize);
    }

    /** Takes a valid line; its outcome is known once its batch has been checked. */
    void check(long line, Contract contract) {
        pendingLines.add(line);
        pending.add(contract);
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    /** Checks the lines still pending (call once the file has been read). */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Contract> imported = ledgerEmpty ? Map.of() : imported(pending);
        for (int i = 0; i < pending.size(); i++) {
            Contract contract = pending.get(i);
            long line = pendingLines.get(i);
            Contract existing = imported.get(contract.contractId());
            if (existing != null) {
                if (contract.sameTermsAs(existing)) {
                    repeats.add(line);
                } else {
                    provisional.accept(
                            contract.contractId(),
                            new InputError(
                                    line,
                                    "contract_id",
                                    contract.contractId(),
                                    "The contract " + contract.contractId() + " was already imported"
                                            + " with different values; contracts cannot be amended."));
                }
            } else if (lastDeducted.isPresent() && !contract.firstPeriod().isAfter(lastDeducted.get())) {
                Period last = lastDeducted.get();
                provisional.accept(
                        contract.contractId(),
                        new InputError(
                                line,
                                "first_period",
                                contract.firstPeriod().toString(),
                                "The first installment must fall after " + last
                                        + ", the last period already deducted; enrol the contract with "
                                        + last.plusMonths(1) + "."));
            }
        }
        pending.clear();
        pendingLines.clear();
    }

    /** Lines of contracts already imported with the same values, in ascending order. */
    LineList repeats() {
        return repeats;
    }

    private Map<String, Contract> imported(List<Contract> contracts) {
        StringBuilder sql = new StringBuilder("SELECT ")
                .append(ContractImport.COLUMNS)
                .append(" FROM contract WHERE contract_id IN (");
        Object[] ids = new Object[contracts.size()];
        for (int i = 0; i < ids.length; i++) {
            sql.append(i == 0 ? "?" : ", ?");
            ids[i] = contracts.get(i).contractId();
        }
        Map<String, Contract> imported = new HashMap<>();
        jdbc.query(
                sql.append(')').toString(),
                rs -> {
                    Contract existing = ContractImport.ContractRows.read(rs, 1);
                    imported.put(existing.contractId(), existing);
                },
                ids);
        return imported;
    }
}
