package org.smartphone.payroll.reference;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Plays a generated {@link Scenario} with the money outside the payroll (SPEC 7.1, 7.2) on a fresh
 * reference model and lists the commands to give the engine with what each must publish.
 *
 * <p>Each month: the deduction run; sometimes a payments file while its order is issued (stops),
 * sometimes several; the withholding return, in which payroll honours about half of the stops
 * (withholding the amount in force) and ignores the others (withholding the order amount: OVER,
 * refunded or posted by the credit rule); the reconciliation; sometimes payments once the order
 * is reconciled (P = next month, no stops); then sometimes {@code refunds issue}, a refunds-paid
 * file confirming part of what is instructed (now and then with a line confirmed before, skipped),
 * and now and then {@code refunds release} of the latest batch. Payments partly pay, settle
 * exactly, overpay, pay settled contracts (all refunded), pay contracts not started yet, come twice
 * on one day for one contract (credited by channel, then reference), repeat a payment recorded
 * before (skipped), carry the optional matricule or not, and write the channel in lower case now
 * and then (the engine upper-cases it).
 */
public final class LifeEvents {

    public static final List<String> PAYMENTS_HEADER =
            List.of("channel", "payment_ref", "contract_id", "matricule", "amount_xof", "received_on");
    public static final List<String> REFUNDS_PAID_HEADER = List.of("refund_id", "paid_on", "amount_xof", "payment_ref");

    private static final String[] CHANNELS = {"COUNTER", "BANK", "TMONEY", "FLOOZ", "OTHER"};

    private final Scenario scenario;
    private final ReferenceProgramme reference;
    private final LocalDate today;
    private final Random rnd;
    private final List<ProgrammeStep> steps = new ArrayList<>();
    private final List<RefPayment> recorded = new ArrayList<>();
    private final List<RefRefundPaid> confirmed = new ArrayList<>();
    private List<List<String>> lastOrder = List.of();
    private int paymentCounter;
    private int paymentsFiles;
    private int refundsPaidFiles;

    private LifeEvents(Scenario scenario, ReferenceProgramme reference, LocalDate today) {
        this.scenario = scenario;
        this.reference = reference;
        this.today = today;
        this.rnd = new Random(scenario.seed() * 7_919L + 17);
    }

    /**
     * The whole programme, from the contracts file to the last month's refunds. {@code today} is the
     * day the engine will run: no payment is received after it (start the scenario early enough).
     */
    public static List<ProgrammeStep> play(Scenario scenario, ReferenceProgramme reference, LocalDate today) {
        LifeEvents events = new LifeEvents(scenario, reference, today);
        events.playAll();
        return List.copyOf(events.steps);
    }

    private void playAll() {
        List<List<String>> contractRows = new ArrayList<>();
        for (RefContract c : scenario.contracts()) {
            contractRows.add(ScenarioFiles.contractRow(c, scenario.extras(c.contractId())));
        }
        reference.importContracts(scenario.contracts());
        steps.add(new ProgrammeStep(
                List.of("import-contracts"),
                ScenarioFiles.contractsFileName(),
                ScenarioFiles.CONTRACTS_HEADER,
                contractRows,
                Map.of(),
                "contracts",
                0));

        List<String> periods = scenario.periods();
        for (int i = 0; i < periods.size(); i++) {
            String period = periods.get(i);
            deduct(period);
            int whileIssued = rnd.nextInt(100) < 55 ? 1 + (rnd.nextInt(100) < 25 ? 1 : 0) : 0;
            for (int k = 0; k < whileIssued; k++) {
                payments();
            }
            reconcile(period, i);
            if (rnd.nextInt(100) < 60) {
                payments();
            }
            if (rnd.nextInt(100) < 45) {
                issue();
            }
            if (rnd.nextInt(100) < 55) {
                confirm(period);
            }
            if (rnd.nextInt(100) < 12 && reference.lastRefundBatch() > 0) {
                release(reference.lastRefundBatch());
            }
        }
        // the end of the year: whatever is due is issued, and most of it confirmed
        issue();
        confirm(periods.get(periods.size() - 1));
    }

    private void deduct(String period) {
        List<List<String>> registerRows = new ArrayList<>();
        for (RefPayrollRow r : scenario.register(period)) {
            registerRows.add(List.of(
                    period,
                    r.matricule(),
                    Long.toString(r.netPayXof()),
                    r.status(),
                    scenario.payrollName(r.matricule()),
                    r.ministryCode() == null ? "" : r.ministryCode()));
        }
        RefDeductionResult d = reference.deduct(period, scenario.register(period));
        Map<String, List<List<String>>> outputs = new LinkedHashMap<>();
        outputs.put(period + "/deductions-" + period + ".csv", d.deductions());
        outputs.put(period + "/deduction-exceptions-" + period + ".csv", d.exceptions());
        steps.add(new ProgrammeStep(
                List.of("deduct", "--period", period),
                ScenarioFiles.payrollFileName(period),
                ScenarioFiles.PAYROLL_HEADER,
                registerRows,
                outputs,
                period,
                0));
        lastOrder = d.deductions();
    }

    private void reconcile(String period, int periodIndex) {
        // payroll honours about half of the stops: it withholds from the amount in force, else the order's
        List<List<String>> applied = new ArrayList<>();
        for (List<String> line : lastOrder) {
            long inForce = reference.amountInForce(line.get(2), period).orElseThrow();
            List<String> copy = new ArrayList<>(line);
            if (inForce < Long.parseLong(line.get(5)) && rnd.nextBoolean()) {
                copy.set(5, Long.toString(inForce));
            }
            applied.add(copy);
        }
        List<RefReturnRow> ret = scenario.returnFor(period, applied, scenario.returnRandom(periodIndex));
        RefReconciliationResult r = reference.reconcile(period, ret);
        List<List<String>> returnRows = new ArrayList<>();
        for (RefReturnRow row : ret) {
            returnRows.add(List.of(period, row.contractId(), row.matricule(), Long.toString(row.amountWithheldXof())));
        }
        Map<String, List<List<String>>> outputs = new LinkedHashMap<>();
        outputs.put(period + "/reconciliation-" + period + ".csv", r.reconciliation());
        outputs.put(period + "/arrears-" + period + ".csv", r.arrears());
        steps.add(new ProgrammeStep(
                List.of("reconcile", "--period", period),
                ScenarioFiles.withheldFileName(period),
                ScenarioFiles.WITHHELD_HEADER,
                returnRows,
                outputs,
                period,
                0));
    }

    private void payments() {
        String p = reference.openPeriod().orElseThrow();
        YearMonth month = YearMonth.parse(p);
        List<String> ids = new ArrayList<>(reference.contractIds());
        Collections.sort(ids);
        List<String> open = new ArrayList<>();
        List<String> settled = new ArrayList<>();
        for (String id : ids) {
            (reference.contractState(id).equals(RefCredit.OPEN) ? open : settled).add(id);
        }
        List<RefPayment> lines = new ArrayList<>();
        Set<String> inFile = new HashSet<>();
        int count = 2 + rnd.nextInt(7);
        for (int n = 0; n < count; n++) {
            int kind = rnd.nextInt(100);
            if (kind < 10 && !recorded.isEmpty()) {
                RefPayment again = recorded.get(rnd.nextInt(recorded.size())); // sent again: skipped
                if (inFile.add(again.key())) {
                    lines.add(again);
                }
                continue;
            }
            if (kind < 22 && !settled.isEmpty()) {
                String id = settled.get(rnd.nextInt(settled.size()));
                lines.add(newPayment(id, 1_000 + 500L * rnd.nextInt(40), month, inFile));
                continue;
            }
            if (open.isEmpty()) {
                continue;
            }
            String id = open.get(rnd.nextInt(open.size()));
            long outstanding = reference.outstanding(id);
            long amount;
            if (kind < 45) {
                amount = outstanding; // settles it (unless an earlier payment in the file comes first)
            } else if (kind < 55) {
                amount = outstanding + 1 + rnd.nextInt(5_000); // beyond the balance
            } else {
                amount = Math.max(1, Math.min(outstanding - 1, 500L * (1 + rnd.nextInt(60)) + rnd.nextInt(3)));
            }
            RefPayment pay = newPayment(id, amount, month, inFile);
            lines.add(pay);
            if (rnd.nextInt(100) < 15) {
                // a second payment for the same contract on the same day: credited by channel, then reference
                lines.add(new RefPayment(
                        otherChannel(pay.channel()),
                        nextRef(),
                        id,
                        1_000 + rnd.nextInt(9_000),
                        pay.receivedOn(),
                        null));
                inFile.add(lines.get(lines.size() - 1).key());
            }
        }
        if (lines.stream().allMatch(l -> recorded.contains(l)) && !open.isEmpty()) {
            lines.add(newPayment(open.get(0), 1, month, inFile)); // never a file of repeats only
        }
        if (lines.stream().allMatch(l -> recorded.contains(l))) {
            lines.add(newPayment(ids.get(0), 1_000, month, inFile));
        }
        Collections.shuffle(lines, rnd);
        RefPaymentsResult result = reference.recordPayments(lines, today);
        for (RefPayment l : lines) {
            if (!recorded.contains(l)) {
                recorded.add(l);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (RefPayment l : lines) {
            String channel = rnd.nextInt(100) < 20 ? l.channel().toLowerCase(Locale.ROOT) : l.channel();
            rows.add(List.of(
                    channel,
                    l.paymentRef(),
                    l.contractId(),
                    l.matricule() == null ? "" : l.matricule(),
                    Long.toString(l.amountXof()),
                    l.receivedOn().toString()));
        }
        Map<String, List<List<String>>> outputs = new LinkedHashMap<>();
        outputs.put(p + "/" + result.paymentsFileName(), result.payments());
        result.stops().ifPresent(stops -> outputs.put(p + "/" + result.stopsFileName(), stops));
        paymentsFiles++;
        steps.add(new ProgrammeStep(
                List.of("record-payments"),
                "payments-" + ReferenceProgramme.pad(paymentsFiles, 3) + ".csv",
                PAYMENTS_HEADER,
                rows,
                outputs,
                p,
                result.skipped()));
    }

    private RefPayment newPayment(String contractId, long amount, YearMonth month, Set<String> inFile) {
        LocalDate on = month.atDay(1 + rnd.nextInt(28));
        if (rnd.nextInt(100) < 10) {
            on = on.minusMonths(1); // received last month, recorded now: still posted in P
        }
        if (on.isAfter(today)) {
            on = today;
        }
        String matricule = rnd.nextBoolean() ? reference.currentMatricule(contractId) : null;
        RefPayment payment =
                new RefPayment(CHANNELS[rnd.nextInt(CHANNELS.length)], nextRef(), contractId, amount, on, matricule);
        inFile.add(payment.key());
        return payment;
    }

    private String nextRef() {
        int n = ++paymentCounter;
        return switch (rnd.nextInt(4)) {
            case 0 -> "GUI-" + ReferenceProgramme.pad(n, 6);
            case 1 -> "VIR/2024/" + n;
            case 2 -> "TX." + (880_000 + n);
            default -> "R_" + n + "_" + (char) ('A' + rnd.nextInt(26));
        };
    }

    private String otherChannel(String channel) {
        String other;
        do {
            other = CHANNELS[rnd.nextInt(CHANNELS.length)];
        } while (other.equals(channel));
        return other;
    }

    private void issue() {
        Optional<RefRefundsFile> batch = reference.issueRefunds();
        Map<String, List<List<String>>> outputs = new LinkedHashMap<>();
        batch.ifPresent(b -> outputs.put("refunds/" + b.fileName(), b.rows()));
        steps.add(new ProgrammeStep(List.of("refunds", "issue"), null, null, null, outputs, null, 0));
    }

    private void confirm(String period) {
        List<RefRefundPaid> lines = new ArrayList<>();
        YearMonth month = YearMonth.parse(period);
        for (RefRefundItem item : reference.refundItems()) {
            if (item.status().equals(RefRefundItem.INSTRUCTED) && rnd.nextInt(100) < 75) {
                LocalDate on = month.atDay(1 + rnd.nextInt(28));
                lines.add(new RefRefundPaid(item.refundId(), on, item.amountXof(), "PAY-" + ++paymentCounter));
            }
        }
        if (lines.isEmpty()) {
            return;
        }
        if (!confirmed.isEmpty() && rnd.nextInt(100) < 30) {
            lines.add(confirmed.get(rnd.nextInt(confirmed.size()))); // sent again: skipped
        }
        Collections.shuffle(lines, rnd);
        RefRefundsFile paid = reference.confirmRefunds(lines);
        for (RefRefundPaid l : lines) {
            if (!confirmed.contains(l)) {
                confirmed.add(l);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (RefRefundPaid l : lines) {
            rows.add(List.of(l.refundId(), l.paidOn().toString(), Long.toString(l.amountXof()), l.paymentRef()));
        }
        refundsPaidFiles++;
        steps.add(new ProgrammeStep(
                List.of("refunds", "confirm"),
                "refunds-paid-" + ReferenceProgramme.pad(refundsPaidFiles, 3) + ".csv",
                REFUNDS_PAID_HEADER,
                rows,
                Map.of("refunds/" + paid.fileName(), paid.rows()),
                "refunds",
                paid.skipped()));
    }

    private void release(int batch) {
        reference.releaseRefunds(batch);
        steps.add(new ProgrammeStep(
                List.of("refunds", "release", "--batch", Integer.toString(batch)),
                null,
                null,
                null,
                Map.of(),
                null,
                0));
    }
}
