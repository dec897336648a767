package org.smartphone.payroll.reference;

import java.time.LocalDate;
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
 * Independent, deliberately naive, in-memory reference model of the programme (SPEC sections 2, 3, 4,
 * the output files of section 5, and of section 7: contract states, the open period, the credit
 * rule, counter payments, stops and the amount in force, refund items, refunds issued, confirmed and
 * released), used as a test oracle against the real engine.
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
    public static final String PAYMENTS = "payments";
    public static final String DEDUCTION_STOPS = "deduction-stops";
    public static final String REFUNDS = "refunds";
    public static final String REFUNDS_PAID = "refunds-paid";

    public static final String PAID_OUTSIDE_PAYROLL = "PAID_OUTSIDE_PAYROLL";
    public static final String POSTED = "POSTED";
    public static final String REFUNDED = "REFUNDED";
    public static final String RECOVERED = "RECOVERED";
    public static final String SETTLED = "SETTLED";

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
        String state = RefCredit.OPEN;
        long collected;
        long writtenOff;
        long recovered;
        YearMonth settledIn; // null while not SETTLED
        /** The contract's current matricule (SPEC 7.5 changes it; nothing in 7.0-7.2 does). */
        String matricule;

        ContractState(RefContract contract, long[] installments) {
            this.contract = contract;
            this.installments = installments;
            this.matricule = contract.matricule();
        }

        long financed() {
            return contract.financedXof();
        }

        /** financed − collected − written_off for OPEN and SETTLED contracts, 0 for the others (SPEC 7.0). */
        long outstanding() {
            if (isOpen() || settled()) {
                return financed() - collected - writtenOff;
            }
            return 0;
        }

        boolean isOpen() {
            return state.equals(RefCredit.OPEN);
        }

        boolean settled() {
            return state.equals(RefCredit.SETTLED);
        }

        /** Applies the credit rule in period p and returns what it did. */
        RefCredit credit(long amount, YearMonth p) {
            RefCredit credit = RefCredit.of(state, outstanding(), writtenOff, recovered, amount);
            if (state.equals(RefCredit.WRITTEN_OFF)) {
                recovered += credit.posted();
            } else {
                collected += credit.posted();
            }
            if (credit.settles()) {
                state = RefCredit.SETTLED;
                settledIn = p;
            }
            return credit;
        }
    }

    /** An order line of a period: its matricule, the amount ordered and the amount in force (SPEC 7.0). */
    private static final class OrderLine {
        final String matricule;
        final long ordered;
        long amountInForce;

        OrderLine(String matricule, long ordered) {
            this.matricule = matricule;
            this.ordered = ordered;
            this.amountInForce = ordered;
        }
    }

    /** A refund item (SPEC 7.0); see {@link RefRefundItem}. */
    private static final class RefundItem {
        final String refundId;
        final YearMonth period;
        final String contractId;
        final String matricule;
        final boolean unexpected;
        final long original;
        long amount;
        String status = RefRefundItem.DUE;
        int batch;
        String payee;
        RefRefundPaid confirmation;

        RefundItem(
                String refundId,
                YearMonth period,
                String contractId,
                String matricule,
                boolean unexpected,
                long amount) {
            this.refundId = refundId;
            this.period = period;
            this.contractId = contractId;
            this.matricule = matricule;
            this.unexpected = unexpected;
            this.original = amount;
            this.amount = amount;
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
    /** period → (contract_id → order line, instructed amount &gt; 0): the deduction order of that period. */
    private final Map<YearMonth, Map<String, OrderLine>> orderLines = new HashMap<>();
    /** period P → number of the runs of SPEC 7.1 that completed in it (the last NN). */
    private final Map<YearMonth, Integer> runNumbers = new HashMap<>();
    /** (channel, payment_ref) → the payment recorded under that key. */
    private final Map<String, RefPayment> payments = new HashMap<>();
    /** refund_id → item, in the order they were made. */
    private final Map<String, RefundItem> refundItems = new LinkedHashMap<>();

    private int lastBatch;
    private int lastConfirmation;
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
            if (!c.isOpen() || c.contract.firstPeriod().isAfter(m)) {
                continue;
            }
            long due = Math.max(0, scheduled(c, m) - c.collected);
            if (due == 0) {
                continue; // no line anywhere
            }
            dueByContract.put(c.contract.contractId(), due);
            byMatricule.computeIfAbsent(c.matricule, k -> new ArrayList<>()).add(c);
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
        Map<String, OrderLine> order = new HashMap<>();
        for (Map.Entry<String, Long> e : amounts.entrySet()) {
            ContractState c = contracts.get(e.getKey());
            long amount = e.getValue();
            long due = dueByContract.get(e.getKey());
            if (amount > 0) {
                order.put(e.getKey(), new OrderLine(c.matricule, amount));
                deductionRows.add(List.of(
                        m.toString(),
                        c.matricule,
                        c.contract.contractId(),
                        neutralise(c.contract.fullName()),
                        deductionCode,
                        Long.toString(amount)));
            }
            if (amount < due) {
                exceptionRows.add(List.of(
                        m.toString(),
                        c.matricule,
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
            if (c.matricule.equals(matricule)) {
                return true;
            }
        }
        return false;
    }

    private boolean holdsOpenContract(String matricule) {
        for (ContractState c : contracts.values()) {
            if (c.matricule.equals(matricule) && c.isOpen()) {
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

        Map<String, OrderLine> order = orderLines.get(m);
        List<List<String>> rows = new ArrayList<>();
        Map<String, Long> withheldOnOrderLine = new HashMap<>();
        for (RefReturnRow r : withholdingReturn) {
            ContractState c = contracts.get(r.contractId());
            // SPEC 7.0, matching an order line: the order line's matricule or the contract's current one
            boolean instructed = c != null
                    && order.containsKey(r.contractId())
                    && (order.get(r.contractId()).matricule.equals(r.matricule()) || c.matricule.equals(r.matricule()));
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
        for (Map.Entry<String, OrderLine> line : order.entrySet()) {
            ContractState c = contracts.get(line.getKey());
            long e = line.getValue().amountInForce; // the order amount, or its latest stop
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
                // the credit rule by the contract's state now (P = M while M's order is issued)
                RefCredit credit = c.credit(w, m);
                posted = credit.posted();
                refund = credit.refundDue();
            }
            orderLineStatus.put(line.getKey(), status);
            rows.add(List.of(
                    m.toString(),
                    line.getValue().matricule,
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
        String prefix = RECONCILIATION + "-" + m;
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            long refund = Long.parseLong(row.get(7));
            if (refund > 0) {
                makeRefundItem(prefix, i + 1, m, row.get(2), row.get(1), UNEXPECTED.equals(row.get(8)), refund);
            }
        }

        // Arrears after the reconciliation of M.
        List<List<String>> arrears = new ArrayList<>();
        for (ContractState c : contracts.values()) {
            if (!c.isOpen() || c.contract.firstPeriod().isAfter(m)) {
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
            String ministry = latestRegisterMinistry.get(c.matricule);
            if (ministry == null) {
                ministry = isBlank(c.contract.ministryCode()) ? "" : c.contract.ministryCode();
            }
            arrears.add(List.of(
                    m.toString(),
                    c.matricule,
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
    // SPEC 7.0 — the open period, run numbers, refund items
    // =====================================================================================

    /**
     * The open period P: L = the latest deducted period; P = L while the reconciliation of L has not
     * completed (its order is issued), else L + 1. Empty before the first deduction run.
     */
    public Optional<String> openPeriod() {
        return lastDeducted == null
                ? Optional.empty()
                : Optional.of(openPeriodOrRefuse("").toString());
    }

    /** Whether P's order is issued (P is deducted and not yet reconciled). */
    public boolean isOpenPeriodOrderIssued() {
        return lastDeducted != null && !reconciledPeriods.contains(lastDeducted);
    }

    private YearMonth openPeriodOrRefuse(String run) {
        if (lastDeducted == null) {
            throw new IllegalStateException(run + " is refused before the first deduction run");
        }
        return reconciledPeriods.contains(lastDeducted) ? lastDeducted.plusMonths(1) : lastDeducted;
    }

    /** {@code value} in decimal, zero-padded to at least {@code width} digits. */
    static String pad(long value, int width) {
        StringBuilder s = new StringBuilder(Long.toString(value));
        while (s.length() < width) {
            s.insert(0, '0');
        }
        return s.toString();
    }

    /** refund_id = the output file name without .csv, '-', the 1-based row number padded to 6 digits. */
    public static String refundId(String fileNameWithoutCsv, int rowNumber) {
        return fileNameWithoutCsv + "-" + pad(rowNumber, 6);
    }

    private void makeRefundItem(
            String filePrefix,
            int rowNumber,
            YearMonth period,
            String contractId,
            String matricule,
            boolean unexpected,
            long amount) {
        String id = refundId(filePrefix, rowNumber);
        if (refundItems.containsKey(id)) {
            throw new IllegalStateException("refund item made twice: " + id);
        }
        refundItems.put(id, new RefundItem(id, period, contractId, matricule, unexpected, amount));
    }

    /**
     * Stops (SPEC 7.0), after the postings of a run of SPEC 7.1 made while P's order is issued: each
     * contract with an order line in P whose outstanding (0 unless OPEN) is below its amount in force
     * gets one row, and its amount in force becomes that outstanding.
     */
    private List<List<String>> stops(YearMonth p, String reason) {
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, OrderLine> e : orderLines.get(p).entrySet()) {
            ContractState c = contracts.get(e.getKey());
            OrderLine line = e.getValue();
            long outstanding = c.isOpen() ? c.outstanding() : 0;
            if (outstanding < line.amountInForce) {
                line.amountInForce = outstanding;
                rows.add(List.of(
                        p.toString(),
                        line.matricule,
                        c.contract.contractId(),
                        neutralise(c.contract.fullName()),
                        Long.toString(line.ordered),
                        Long.toString(outstanding),
                        reason));
            }
        }
        rows.sort(rowOrder(2, 1));
        return rows;
    }

    // =====================================================================================
    // SPEC 7.1 — counter payments
    // =====================================================================================

    /**
     * A payments run on the lines of one file. Throws IllegalStateException before the first
     * deduction run, IllegalArgumentException for any invalid line (the model takes max-rejects 0:
     * nothing changes): a (channel, payment_ref) twice in the file, one recorded before with other
     * values, an unknown contract, an amount ≤ 0, a date after {@code today}, a matricule that is
     * not the contract's current one, a channel outside COUNTER, BANK, TMONEY, FLOOZ, OTHER. A line
     * identical to a recorded payment is skipped.
     */
    public RefPaymentsResult recordPayments(List<RefPayment> lines, LocalDate today) {
        YearMonth p = openPeriodOrRefuse("The payments run");
        Map<String, Integer> countInFile = new HashMap<>();
        for (RefPayment line : lines) {
            countInFile.merge(line.key(), 1, Integer::sum);
        }
        List<RefPayment> fresh = new ArrayList<>();
        int skipped = 0;
        for (RefPayment line : lines) {
            // (channel, payment_ref) is checked before everything else
            if (countInFile.get(line.key()) > 1) {
                throw new IllegalArgumentException("payment key twice in one file: " + line.key());
            }
            RefPayment recorded = payments.get(line.key());
            if (recorded != null) {
                if (recorded.sameAs(line)) {
                    skipped++;
                    continue;
                }
                throw new IllegalArgumentException("payment recorded before with other values: " + line);
            }
            switch (line.channel()) {
                case "COUNTER", "BANK", "TMONEY", "FLOOZ", "OTHER" -> {}
                default -> throw new IllegalArgumentException("unknown channel " + line.channel());
            }
            ContractState c = contracts.get(line.contractId());
            if (c == null) {
                throw new IllegalArgumentException("payment for an unknown contract: " + line);
            }
            if (line.amountXof() <= 0) {
                throw new IllegalArgumentException("payment amount must be > 0: " + line);
            }
            if (line.receivedOn().isAfter(today)) {
                throw new IllegalArgumentException("payment received after today: " + line);
            }
            if (line.matricule() != null && !line.matricule().equals(c.matricule)) {
                throw new IllegalArgumentException("not the contract's current matricule: " + line);
            }
            fresh.add(line);
        }

        // credited in (received_on, channel, payment_ref) order, all in P
        fresh.sort(Comparator.comparing(RefPayment::receivedOn)
                .thenComparing(RefPayment::channel, BY_CODE_POINT)
                .thenComparing(RefPayment::paymentRef, BY_CODE_POINT));
        List<List<String>> rows = new ArrayList<>();
        for (RefPayment line : fresh) {
            ContractState c = contracts.get(line.contractId());
            boolean writtenOff = c.state.equals(RefCredit.WRITTEN_OFF);
            RefCredit credit = c.credit(line.amountXof(), p);
            String status;
            if (credit.posted() == 0) {
                status = REFUNDED;
            } else if (credit.settles()) {
                status = SETTLED;
            } else if (writtenOff) {
                status = RECOVERED;
            } else {
                status = POSTED;
            }
            payments.put(line.key(), line);
            rows.add(List.of(
                    p.toString(),
                    line.channel(),
                    line.paymentRef(),
                    line.contractId(),
                    c.matricule,
                    line.receivedOn().toString(),
                    Long.toString(line.amountXof()),
                    Long.toString(credit.posted()),
                    Long.toString(credit.refundDue()),
                    Long.toString(c.outstanding()),
                    status));
        }
        // file order: contract_id, received_on, channel, payment_ref
        rows.sort((x, y) -> {
            int r = BY_CODE_POINT.compare(x.get(3), y.get(3));
            for (int col : new int[] {5, 1, 2}) {
                if (r == 0) {
                    r = BY_CODE_POINT.compare(x.get(col), y.get(col));
                }
            }
            return r;
        });
        int nn = runNumbers.merge(p, 1, Integer::sum);
        RefPaymentsResult result = new RefPaymentsResult(
                p.toString(),
                nn,
                rows,
                isOpenPeriodOrderIssued() ? Optional.of(stops(p, PAID_OUTSIDE_PAYROLL)) : Optional.empty(),
                skipped);
        String prefix = result.paymentsFileName().replaceFirst("\\.csv$", "");
        for (int i = 0; i < rows.size(); i++) {
            long refund = Long.parseLong(rows.get(i).get(8));
            if (refund > 0) {
                makeRefundItem(prefix, i + 1, p, rows.get(i).get(3), rows.get(i).get(4), false, refund);
            }
        }
        return result;
    }

    // =====================================================================================
    // SPEC 7.2 — refunds paid back
    // =====================================================================================

    /**
     * {@code refunds issue}: every DUE item, ordered by refund_id, in the next batch, marked
     * INSTRUCTED. Empty (no file, no batch number used) when nothing is DUE.
     */
    public Optional<RefRefundsFile> issueRefunds() {
        List<RefundItem> due = new ArrayList<>();
        for (RefundItem item : refundItems.values()) {
            if (item.status.equals(RefRefundItem.DUE)) {
                due.add(item);
            }
        }
        if (due.isEmpty()) {
            return Optional.empty();
        }
        due.sort(Comparator.comparing(item -> item.refundId, BY_CODE_POINT));
        int batch = ++lastBatch;
        List<List<String>> rows = new ArrayList<>();
        for (RefundItem item : due) {
            ContractState c = contracts.get(item.contractId);
            // the payee: the row's matricule for an UNEXPECTED row, else the contract's current one now
            item.payee = item.unexpected || c == null ? item.matricule : c.matricule;
            item.status = RefRefundItem.INSTRUCTED;
            item.batch = batch;
            rows.add(List.of(
                    item.refundId,
                    item.payee,
                    item.contractId,
                    c == null ? "" : neutralise(c.contract.fullName()),
                    Long.toString(item.amount)));
        }
        return Optional.of(new RefRefundsFile(REFUNDS + "-" + pad(batch, 4) + ".csv", batch, rows, 0));
    }

    /**
     * {@code refunds confirm} on the lines of one file. A line identical to a confirmation recorded
     * before is skipped; otherwise the item must exist, be INSTRUCTED and the amount equal to its
     * amount, else IllegalArgumentException (nothing changes). A refund_id twice in the file is
     * invalid too.
     */
    public RefRefundsFile confirmRefunds(List<RefRefundPaid> lines) {
        Map<String, Integer> countInFile = new HashMap<>();
        for (RefRefundPaid line : lines) {
            countInFile.merge(line.refundId(), 1, Integer::sum);
        }
        List<RefRefundPaid> fresh = new ArrayList<>();
        int skipped = 0;
        for (RefRefundPaid line : lines) {
            if (countInFile.get(line.refundId()) > 1) {
                throw new IllegalArgumentException("refund_id twice in one file: " + line.refundId());
            }
            RefundItem item = refundItems.get(line.refundId());
            if (item == null) {
                throw new IllegalArgumentException("unknown refund item " + line.refundId());
            }
            if (line.equals(item.confirmation)) {
                skipped++;
                continue;
            }
            if (!item.status.equals(RefRefundItem.INSTRUCTED)) {
                throw new IllegalArgumentException(line.refundId() + " is " + item.status + ", not INSTRUCTED");
            }
            if (line.amountXof() != item.amount) {
                throw new IllegalArgumentException(
                        line.refundId() + " is of " + item.amount + ", not " + line.amountXof());
            }
            fresh.add(line);
        }
        List<List<String>> rows = new ArrayList<>();
        for (RefRefundPaid line : fresh) {
            RefundItem item = refundItems.get(line.refundId());
            item.status = RefRefundItem.PAID;
            item.confirmation = line;
            rows.add(List.of(
                    item.refundId,
                    item.payee,
                    item.contractId,
                    Long.toString(item.amount),
                    line.paidOn().toString(),
                    line.paymentRef()));
        }
        rows.sort(Comparator.comparing((List<String> row) -> row.get(0), BY_CODE_POINT));
        int number = ++lastConfirmation;
        return new RefRefundsFile(REFUNDS_PAID + "-" + pad(number, 4) + ".csv", number, rows, skipped);
    }

    /**
     * {@code refunds release --batch N}: the items of batch N still INSTRUCTED go back to DUE;
     * returns how many. IllegalArgumentException for a batch that does not exist.
     */
    public int releaseRefunds(int batch) {
        if (batch < 1 || batch > lastBatch) {
            throw new IllegalArgumentException("no batch " + batch);
        }
        int released = 0;
        for (RefundItem item : refundItems.values()) {
            if (item.batch == batch && item.status.equals(RefRefundItem.INSTRUCTED)) {
                item.status = RefRefundItem.DUE;
                released++;
            }
        }
        return released;
    }

    /** The refund items, in the order they were made. */
    public List<RefRefundItem> refundItems() {
        List<RefRefundItem> list = new ArrayList<>();
        for (RefundItem i : refundItems.values()) {
            list.add(new RefRefundItem(
                    i.refundId,
                    i.period.toString(),
                    i.contractId,
                    i.matricule,
                    i.unexpected,
                    i.original,
                    i.amount,
                    i.status,
                    i.batch,
                    i.payee));
        }
        return list;
    }

    /** The number of the last batch issued (0 before the first). */
    public int lastRefundBatch() {
        return lastBatch;
    }

    // =====================================================================================
    // SPEC 5 — output files
    // =====================================================================================

    /**
     * Header of an output file; {@code fileKind} is deductions, deduction-exceptions, reconciliation,
     * arrears, payments, deduction-stops, refunds or refunds-paid (a file name such as
     * {@code arrears-2026-01.csv}, {@code payments-2026-04-02.csv} or {@code refunds-0003.csv} is
     * accepted too).
     */
    public static List<String> header(String fileKind) {
        String kind = fileKind.replaceFirst("-\\d{4}-\\d{2}(-\\d{2,})?\\.csv$", "")
                .replaceFirst("^(refunds|refunds-paid)-\\d{4,}\\.csv$", "$1");
        switch (kind) {
            case PAYMENTS:
                return List.of(
                        "period",
                        "channel",
                        "payment_ref",
                        "contract_id",
                        "matricule",
                        "received_on",
                        "amount_xof",
                        "posted_xof",
                        "refund_due_xof",
                        "outstanding_xof",
                        "status");
            case DEDUCTION_STOPS:
                return List.of(
                        "period", "matricule", "contract_id", "full_name", "ordered_xof", "amount_xof", "reason");
            case REFUNDS:
                return List.of("refund_id", "matricule", "contract_id", "full_name", "amount_xof");
            case REFUNDS_PAID:
                return List.of("refund_id", "matricule", "contract_id", "amount_xof", "paid_on", "payment_ref");
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

    /** OPEN, SETTLED, WRITTEN_OFF or CANCELLED. */
    public String contractState(String contractId) {
        return state(contractId).state;
    }

    public String currentMatricule(String contractId) {
        return state(contractId).matricule;
    }

    public long writtenOff(String contractId) {
        return state(contractId).writtenOff;
    }

    public long recovered(String contractId) {
        return state(contractId).recovered;
    }

    /** The amount in force of the contract's order line of a period (its order amount or latest stop). */
    public Optional<Long> amountInForce(String contractId, String period) {
        Map<String, OrderLine> order = orderLines.get(YearMonth.parse(period));
        if (order == null || !order.containsKey(contractId)) {
            return Optional.empty();
        }
        return Optional.of(order.get(contractId).amountInForce);
    }

    /** Σ original_xof of every refund item. */
    public long refundsOriginalTotal() {
        long total = 0;
        for (RefundItem i : refundItems.values()) {
            total += i.original;
        }
        return total;
    }

    /** Σ amount_xof of the refund items in a status. */
    public long refundsTotal(String status) {
        long total = 0;
        for (RefundItem i : refundItems.values()) {
            if (i.status.equals(status)) {
                total += i.amount;
            }
        }
        return total;
    }
}
