package org.smartphone.payroll.reference;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Independent, deliberately naive, in-memory reference model of the programme (SPEC sections 2, 3, 4
 * and the output files of section 5), used as a test oracle against the real engine.
 *
 * <p>Inputs are assumed already valid and normalised (what the engine would accept after its
 * validation): this class does not model file parsing, rejects, exit codes, manifests or digests.
 * Anything the SPEC calls invalid or refused makes it throw ({@link IllegalArgumentException}
 * for invalid input, {@link IllegalStateException} for a run refused by state); the model is then
 * unchanged.
 *
 * <p>Text neutralisation of copied text ({@code full_name}, {@code ministry_code}): first CRLF, CR,
 * LF and TAB are each replaced by one space (a CRLF pair counts as one line break), then, if the
 * result starts with {@code = + - @ TAB CR}, a {@code '} is prepended. (With this order a leading
 * tab or CR has already become a space, so in practice only {@code = + - @} trigger the prefix.)
 */
public final class ReferenceProgramme {

    public static final String DEDUCTIONS = "deductions";
    public static final String DEDUCTION_EXCEPTIONS = "deduction-exceptions";
    public static final String RECONCILIATION = "reconciliation";
    public static final String ARREARS = "arrears";

    public static final String MATCHED = "MATCHED";
    public static final String NOT_WITHHELD = "NOT_WITHHELD";
    public static final String SHORT = "SHORT";
    public static final String OVER = "OVER";
    public static final String UNEXPECTED = "UNEXPECTED";

    public static final String NOT_IN_PAYROLL = "NOT_IN_PAYROLL";
    public static final String CAPPED = "CAPPED";
    public static final String PRIOR_ARREARS = "PRIOR_ARREARS";

    /** Compares strings code point by code point (SPEC 5: row order). */
    public static final Comparator<String> BY_CODE_POINT =
            (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

    /** Row order of every output file: contract_id (column index given) then matricule. */
    private static Comparator<List<String>> rowOrder(int contractIdColumn, int matriculeColumn) {
        return (x, y) -> {
            int byContract = BY_CODE_POINT.compare(x.get(contractIdColumn), y.get(contractIdColumn));
            if (byContract != 0) {
                return byContract;
            }
            return BY_CODE_POINT.compare(x.get(matriculeColumn), y.get(matriculeColumn));
        };
    }

    /** What the model knows about one imported contract. */
    private static final class ContractState {
        final RefContract contract;
        final long[] installments; // index 0 = installment 1
        long collected;
        YearMonth settledIn; // null while not SETTLED

        ContractState(RefContract contract, long[] installments) {
            this.contract = contract;
            this.installments = installments;
        }

        long financed() {
            return contract.financedXof();
        }

        long outstanding() {
            return financed() - collected;
        }

        boolean settled() {
            return settledIn != null;
        }
    }

    // ---- settings ----
    private long capNumerator;
    private long capDenominator;
    private long roundingUnit;
    private String deductionCode;

    // ---- state ----
    private final Map<String, ContractState> contracts = new LinkedHashMap<>();
    private YearMonth lastDeducted;
    private final Set<YearMonth> deductedPeriods = new HashSet<>();
    private final Set<YearMonth> reconciledPeriods = new HashSet<>();
    /** period → (contract_id → instructed amount &gt; 0): the deduction order of that period. */
    private final Map<YearMonth, Map<String, Long>> orderLines = new HashMap<>();
    /** period → (contract_id → exception reason) for contracts instructed less than their due. */
    private final Map<YearMonth, Map<String, String>> exceptionReasons = new HashMap<>();
    /** matricule → latest non-blank ministry_code read in a register while it held a contract. */
    private final Map<String, String> latestRegisterMinistry = new HashMap<>();

    /** Default settings: cap 1/3, rounding unit 1 franc, deduction code SMARTPHONE. */
    public ReferenceProgramme() {
        this(1, 3, 1, "SMARTPHONE");
    }

    public ReferenceProgramme(long capNumerator, long capDenominator, long roundingUnit, String deductionCode) {
        setCapRatio(capNumerator, capDenominator);
        setRoundingUnit(roundingUnit);
        setDeductionCode(deductionCode);
    }

    public void setCapRatio(long numerator, long denominator) {
        if (numerator < 0 || denominator <= 0) {
            throw new IllegalArgumentException("cap ratio must be p/q with p >= 0 and q > 0");
        }
        this.capNumerator = numerator;
        this.capDenominator = denominator;
    }

    /** Applies to contracts imported from now on (schedules are fixed at import). */
    public void setRoundingUnit(long unit) {
        if (unit < 1) {
            throw new IllegalArgumentException("rounding unit must be >= 1");
        }
        this.roundingUnit = unit;
    }

    public void setDeductionCode(String code) {
        this.deductionCode = Objects.requireNonNull(code);
    }

    // =====================================================================================
    // SPEC 2 — contracts and schedules
    // =====================================================================================

    /**
     * Installments of a contract with rounding unit u:
     * base = floor(financed / term / u) × u; installments 1..term−1 = base; last = financed − base × (term − 1).
     */
    public static long[] installments(long financed, int term, long unit) {
        long base = financed / term / unit * unit; // all positive: integer division is floor
        long[] result = new long[term];
        for (int i = 0; i < term - 1; i++) {
            result[i] = base;
        }
        result[term - 1] = financed - base * (term - 1);
        return result;
    }

    /**
     * Imports contracts (all or nothing). Throws IllegalArgumentException for anything SPEC 2
     * calls invalid: financed ≤ 0, term outside 1..60, financed &lt; term × u, a contract_id twice in
     * the list, a known contract_id with different values, a first_period not after the last
     * deducted period. An identical re-import is a no-op (checked before the first_period rule).
     */
    public void importContracts(List<RefContract> batch) {
        Map<String, Integer> countInBatch = new HashMap<>();
        for (RefContract c : batch) {
            countInBatch.merge(c.contractId(), 1, Integer::sum);
        }
        List<RefContract> toAdd = new ArrayList<>();
        for (RefContract c : batch) {
            if (countInBatch.get(c.contractId()) > 1) {
                throw new IllegalArgumentException("contract_id twice in one file: " + c.contractId());
            }
            ContractState known = contracts.get(c.contractId());
            if (known != null) {
                if (known.contract.equals(c)) {
                    continue; // identical re-import: no-op
                }
                throw new IllegalArgumentException("conflicting re-import of " + c.contractId());
            }
            long financed = c.financedXof();
            if (c.priceXof() < 0 || c.downPaymentXof() < 0) {
                throw new IllegalArgumentException("negative amount in " + c.contractId());
            }
            if (financed <= 0) {
                throw new IllegalArgumentException("financed must be > 0 in " + c.contractId());
            }
            if (c.termMonths() < 1 || c.termMonths() > 60) {
                throw new IllegalArgumentException("term must be 1..60 in " + c.contractId());
            }
            if (financed < c.termMonths() * roundingUnit) {
                throw new IllegalArgumentException("financed < term × rounding unit in " + c.contractId());
            }
            if (lastDeducted != null && !c.firstPeriod().isAfter(lastDeducted)) {
                throw new IllegalArgumentException("first_period not after last deducted period in " + c.contractId());
            }
            toAdd.add(c);
        }
        for (RefContract c : toAdd) {
            contracts.put(
                    c.contractId(), new ContractState(c, installments(c.financedXof(), c.termMonths(), roundingUnit)));
        }
    }

    /** Period in which installment number i (1-based) is due: first_period + (i − 1). */
    private static YearMonth installmentPeriod(ContractState c, int installmentNumber) {
        return c.contract.firstPeriod().plusMonths(installmentNumber - 1L);
    }

    /** scheduled(c, M): sum of the installments due in periods ≤ M. */
    private static long scheduled(ContractState c, YearMonth m) {
        long sum = 0;
        for (int i = 1; i <= c.installments.length; i++) {
            if (!installmentPeriod(c, i).isAfter(m)) {
                sum += c.installments[i - 1];
            }
        }
        return sum;
    }

    // =====================================================================================
    // SPEC 3 — deduction run
    // =====================================================================================

    public RefDeductionResult deduct(String period, List<RefPayrollRow> register) {
        YearMonth m = YearMonth.parse(period);
        // State is checked first (nothing changes when refused).
        if (deductedPeriods.contains(m)) {
            throw new IllegalStateException("deduction run for " + m + " already completed");
        }
        if (lastDeducted != null && !m.equals(lastDeducted.plusMonths(1))) {
            throw new IllegalStateException(m + " is not the month right after " + lastDeducted);
        }
        if (lastDeducted != null && !reconciledPeriods.contains(lastDeducted)) {
            throw new IllegalStateException(lastDeducted + " has not been reconciled");
        }

        // Index the register by matricule. A contract holder appearing twice would make both
        // lines invalid; inputs are assumed valid, so the reference refuses such a register.
        Map<String, RefPayrollRow> registerByMatricule = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (RefPayrollRow row : register) {
            if (!seen.add(row.matricule()) && hasAnyContract(row.matricule())) {
                throw new IllegalArgumentException("contract holder twice in register: " + row.matricule());
            }
            registerByMatricule.put(row.matricule(), row);
        }

        // Ministry codes: remember the latest non-blank one of every matricule holding a contract
        // (at least one imported contract not SETTLED) when the register is read.
        for (RefPayrollRow row : register) {
            if (holdsOpenContract(row.matricule()) && !isBlank(row.ministryCode())) {
                latestRegisterMinistry.put(row.matricule(), row.ministryCode());
            }
        }

        // Contracts to consider: not SETTLED, first_period ≤ M, due > 0; grouped by matricule.
        Map<String, List<ContractState>> byMatricule = new TreeMap<>();
        Map<String, Long> dueByContract = new HashMap<>();
        for (ContractState c : contracts.values()) {
            if (c.settled() || c.contract.firstPeriod().isAfter(m)) {
                continue;
            }
            long due = Math.max(0, scheduled(c, m) - c.collected);
            if (due == 0) {
                continue; // no line anywhere
            }
            dueByContract.put(c.contract.contractId(), due);
            byMatricule
                    .computeIfAbsent(c.contract.matricule(), k -> new ArrayList<>())
                    .add(c);
        }

        Map<String, Long> amounts = new HashMap<>();
        Map<String, String> reasons = new HashMap<>();
        for (Map.Entry<String, List<ContractState>> group : byMatricule.entrySet()) {
            List<ContractState> list = group.getValue();
            // served in (first_period, contract_id) ascending
            list.sort(Comparator.comparing((ContractState c) -> c.contract.firstPeriod())
                    .thenComparing(c -> c.contract.contractId(), BY_CODE_POINT));
            RefPayrollRow row = registerByMatricule.get(group.getKey());
            if (row == null) {
                for (ContractState c : list) {
                    amounts.put(c.contract.contractId(), 0L);
                    reasons.put(c.contract.contractId(), NOT_IN_PAYROLL);
                }
            } else if (!row.status().equals("ACTIVE")) {
                for (ContractState c : list) {
                    amounts.put(c.contract.contractId(), 0L);
                    reasons.put(c.contract.contractId(), "EMPLOYEE_" + row.status());
                }
            } else {
                long capacity;
                if (row.netPayXof() <= 0) {
                    capacity = 0;
                } else {
                    capacity = Math.multiplyExact(row.netPayXof(), capNumerator) / capDenominator;
                }
                long capacityLeft = capacity;
                for (ContractState c : list) {
                    long due = dueByContract.get(c.contract.contractId());
                    long amount = Math.min(due, capacityLeft);
                    capacityLeft -= amount;
                    amounts.put(c.contract.contractId(), amount);
                    if (amount < due) {
                        reasons.put(c.contract.contractId(), CAPPED);
                    }
                }
            }
        }

        List<List<String>> deductionRows = new ArrayList<>();
        List<List<String>> exceptionRows = new ArrayList<>();
        Map<String, Long> order = new HashMap<>();
        for (Map.Entry<String, Long> e : amounts.entrySet()) {
            ContractState c = contracts.get(e.getKey());
            long amount = e.getValue();
            long due = dueByContract.get(e.getKey());
            if (amount > 0) {
                order.put(e.getKey(), amount);
                deductionRows.add(List.of(
                        m.toString(),
                        c.contract.matricule(),
                        c.contract.contractId(),
                        neutralise(c.contract.fullName()),
                        deductionCode,
                        Long.toString(amount)));
            }
            if (amount < due) {
                exceptionRows.add(List.of(
                        m.toString(),
                        c.contract.matricule(),
                        c.contract.contractId(),
                        neutralise(c.contract.fullName()),
                        Long.toString(due),
                        Long.toString(amount),
                        Long.toString(due - amount),
                        reasons.get(e.getKey())));
            }
        }
        deductionRows.sort(rowOrder(2, 1));
        exceptionRows.sort(rowOrder(2, 1));

        orderLines.put(m, order);
        exceptionReasons.put(m, reasons);
        deductedPeriods.add(m);
        lastDeducted = m;
        return new RefDeductionResult(m.toString(), deductionRows, exceptionRows);
    }

    private boolean hasAnyContract(String matricule) {
        for (ContractState c : contracts.values()) {
            if (c.contract.matricule().equals(matricule)) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsOpenContract(String matricule) {
        for (ContractState c : contracts.values()) {
            if (c.contract.matricule().equals(matricule) && !c.settled()) {
                return true;
            }
        }
        return false;
    }

    // =====================================================================================
    // SPEC 4 — reconciliation run and arrears
    // =====================================================================================

    public RefReconciliationResult reconcile(String period, List<RefReturnRow> withholdingReturn) {
        YearMonth m = YearMonth.parse(period);
        if (!deductedPeriods.contains(m)) {
            throw new IllegalStateException("deduction run for " + m + " has not completed");
        }
        if (reconciledPeriods.contains(m)) {
            throw new IllegalStateException("reconciliation of " + m + " already completed");
        }
        Set<String> idsInReturn = new HashSet<>();
        for (RefReturnRow r : withholdingReturn) {
            if (!idsInReturn.add(r.contractId())) {
                throw new IllegalArgumentException("contract twice in return: " + r.contractId());
            }
        }

        Map<String, Long> order = orderLines.get(m);
        List<List<String>> rows = new ArrayList<>();
        Map<String, Long> withheldOnOrderLine = new HashMap<>();
        for (RefReturnRow r : withholdingReturn) {
            ContractState c = contracts.get(r.contractId());
            boolean instructed = c != null
                    && order.containsKey(r.contractId())
                    && c.contract.matricule().equals(r.matricule());
            if (instructed) {
                withheldOnOrderLine.put(r.contractId(), r.amountWithheldXof());
            } else if (r.amountWithheldXof() > 0) {
                long w = r.amountWithheldXof();
                rows.add(List.of(
                        m.toString(),
                        r.matricule(),
                        r.contractId(),
                        "0",
                        Long.toString(w),
                        Long.toString(w),
                        "0",
                        Long.toString(w),
                        UNEXPECTED));
            }
            // UNEXPECTED with amount 0: ignored
        }

        Map<String, String> orderLineStatus = new HashMap<>();
        for (Map.Entry<String, Long> line : order.entrySet()) {
            ContractState c = contracts.get(line.getKey());
            long e = line.getValue();
            long w = withheldOnOrderLine.getOrDefault(line.getKey(), 0L);
            String status;
            if (w == e) {
                status = MATCHED;
            } else if (w == 0) {
                status = NOT_WITHHELD;
            } else if (w < e) {
                status = SHORT;
            } else {
                status = OVER;
            }
            long posted = 0;
            long refund = 0;
            if (!status.equals(NOT_WITHHELD)) {
                long outstandingBefore = c.outstanding();
                posted = Math.min(w, outstandingBefore);
                refund = w - posted;
                c.collected += posted;
                if (c.outstanding() == 0) {
                    c.settledIn = m;
                }
            }
            orderLineStatus.put(line.getKey(), status);
            rows.add(List.of(
                    m.toString(),
                    c.contract.matricule(),
                    c.contract.contractId(),
                    Long.toString(e),
                    Long.toString(w),
                    Long.toString(w - e),
                    Long.toString(posted),
                    Long.toString(refund),
                    status));
        }
        rows.sort(rowOrder(2, 1));
        reconciledPeriods.add(m);

        // Arrears after the reconciliation of M.
        List<List<String>> arrears = new ArrayList<>();
        for (ContractState c : contracts.values()) {
            if (c.settled() || c.contract.firstPeriod().isAfter(m)) {
                continue;
            }
            long overdue = Math.max(0, scheduled(c, m) - c.collected);
            if (overdue == 0) {
                continue;
            }
            YearMonth oldest = oldestUnpaidPeriod(c);
            long monthsPastDue = ChronoUnit.MONTHS.between(oldest, m) + 1;
            String bucket = monthsPastDue == 1 ? "MONTHS_1" : monthsPastDue == 2 ? "MONTHS_2" : "MONTHS_3_PLUS";
            String id = c.contract.contractId();
            String reason;
            String status = orderLineStatus.get(id);
            if (NOT_WITHHELD.equals(status) || SHORT.equals(status)) {
                reason = status;
            } else if (exceptionReasons.get(m).containsKey(id)) {
                reason = exceptionReasons.get(m).get(id);
            } else {
                reason = PRIOR_ARREARS;
            }
            String ministry = latestRegisterMinistry.get(c.contract.matricule());
            if (ministry == null) {
                ministry = isBlank(c.contract.ministryCode()) ? "" : c.contract.ministryCode();
            }
            arrears.add(List.of(
                    m.toString(),
                    c.contract.matricule(),
                    id,
                    neutralise(c.contract.fullName()),
                    neutralise(ministry),
                    Long.toString(overdue),
                    Long.toString(c.outstanding()),
                    oldest.toString(),
                    Long.toString(monthsPastDue),
                    bucket,
                    reason));
        }
        arrears.sort(rowOrder(2, 1));
        return new RefReconciliationResult(m.toString(), rows, arrears);
    }

    /** Applies collected to the installments in order; the period of the first not fully covered. */
    private static YearMonth oldestUnpaidPeriod(ContractState c) {
        long remaining = c.collected;
        for (int i = 1; i <= c.installments.length; i++) {
            long installment = c.installments[i - 1];
            if (remaining >= installment) {
                remaining -= installment;
            } else {
                return installmentPeriod(c, i);
            }
        }
        throw new IllegalStateException("all installments covered but overdue > 0: " + c.contract.contractId());
    }

    // =====================================================================================
    // SPEC 5 — output files
    // =====================================================================================

    /**
     * Header of an output file; {@code fileKind} is deductions, deduction-exceptions,
     * reconciliation or arrears (a file name such as {@code arrears-2026-01.csv} is accepted too).
     */
    public static List<String> header(String fileKind) {
        String kind = fileKind.replaceFirst("-\\d{4}-\\d{2}\\.csv$", "");
        switch (kind) {
            case DEDUCTIONS:
                return List.of("period", "matricule", "contract_id", "full_name", "deduction_code", "amount_xof");
            case DEDUCTION_EXCEPTIONS:
                return List.of(
                        "period",
                        "matricule",
                        "contract_id",
                        "full_name",
                        "due_xof",
                        "amount_xof",
                        "shortfall_xof",
                        "reason");
            case RECONCILIATION:
                return List.of(
                        "period",
                        "matricule",
                        "contract_id",
                        "expected_xof",
                        "withheld_xof",
                        "difference_xof",
                        "posted_xof",
                        "refund_due_xof",
                        "status");
            case ARREARS:
                return List.of(
                        "period",
                        "matricule",
                        "contract_id",
                        "full_name",
                        "ministry_code",
                        "overdue_xof",
                        "outstanding_xof",
                        "oldest_unpaid_period",
                        "months_past_due",
                        "bucket",
                        "reason");
            default:
                throw new IllegalArgumentException("unknown output file kind: " + fileKind);
        }
    }

    /**
     * Spreadsheet neutralisation of copied text. Order: first replace CRLF / CR / LF / TAB by a
     * space, then prefix {@code '} when the text starts with = + - @ TAB or CR. Null gives "".
     */
    public static String neutralise(String text) {
        if (text == null) {
            return "";
        }
        String s =
                text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').replace('\t', ' ');
        if (s.startsWith("=")
                || s.startsWith("+")
                || s.startsWith("-")
                || s.startsWith("@")
                || s.startsWith("\t")
                || s.startsWith("\r")) {
            return "'" + s;
        }
        return s;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    // =====================================================================================
    // accessors for assertions
    // =====================================================================================

    private ContractState state(String contractId) {
        ContractState c = contracts.get(contractId);
        if (c == null) {
            throw new IllegalArgumentException("unknown contract " + contractId);
        }
        return c;
    }

    public Set<String> contractIds() {
        return Collections.unmodifiableSet(contracts.keySet());
    }

    public RefContract contract(String contractId) {
        return state(contractId).contract;
    }

    public long financed(String contractId) {
        return state(contractId).financed();
    }

    public long collected(String contractId) {
        return state(contractId).collected;
    }

    public long outstanding(String contractId) {
        return state(contractId).outstanding();
    }

    public boolean isSettled(String contractId) {
        return state(contractId).settled();
    }

    /** The period in which the contract became SETTLED, if it did. */
    public Optional<String> settledIn(String contractId) {
        YearMonth p = state(contractId).settledIn;
        return p == null ? Optional.empty() : Optional.of(p.toString());
    }

    public List<Long> installments(String contractId) {
        List<Long> list = new ArrayList<>();
        for (long i : state(contractId).installments) {
            list.add(i);
        }
        return list;
    }

    public long scheduled(String contractId, String period) {
        return scheduled(state(contractId), YearMonth.parse(period));
    }

    /** max(0, scheduled(c, M) − collected(c)) with the current collected amount. */
    public long due(String contractId, String period) {
        ContractState c = state(contractId);
        return Math.max(0, scheduled(c, YearMonth.parse(period)) - c.collected);
    }

    public Optional<String> lastDeductedPeriod() {
        return lastDeducted == null ? Optional.empty() : Optional.of(lastDeducted.toString());
    }

    public boolean isReconciled(String period) {
        return reconciledPeriods.contains(YearMonth.parse(period));
    }

    /** Sum of collected over all contracts. */
    public long totalCollected() {
        long total = 0;
        for (ContractState c : contracts.values()) {
            total += c.collected;
        }
        return total;
    }
}
