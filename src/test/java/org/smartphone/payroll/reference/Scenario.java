package org.smartphone.payroll.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated multi-month scenario (see {@link ScenarioGenerator}): the contracts (imported once,
 * before the first deduction run), and for each period the payroll register. Withholding returns
 * depend on the deduction order and are derived with {@link #returnFor}.
 */
public final class Scenario {

    /** File-only details of a contract that the reference model does not need. */
    public record ContractExtras(String deviceModel, String imei, boolean writeDefaultsAsBlank) {}

    /** What one month gave in the reference model. */
    public record MonthOutcome(
            String period,
            List<RefPayrollRow> register,
            RefDeductionResult deduction,
            List<RefReturnRow> withholdingReturn,
            RefReconciliationResult reconciliation) {}

    private final long seed;
    private final List<String> periods;
    private final List<RefContract> contracts;
    private final Map<String, ContractExtras> extras;
    private final Map<String, List<RefPayrollRow>> registers;
    private final Map<String, String> payrollNames;

    public Scenario(
            long seed,
            List<String> periods,
            List<RefContract> contracts,
            Map<String, ContractExtras> extras,
            Map<String, List<RefPayrollRow>> registers,
            Map<String, String> payrollNames) {
        this.seed = seed;
        this.periods = List.copyOf(periods);
        this.contracts = List.copyOf(contracts);
        this.extras = Map.copyOf(extras);
        this.registers = Map.copyOf(registers);
        this.payrollNames = Map.copyOf(payrollNames);
    }

    public long seed() {
        return seed;
    }

    /** The consecutive periods of the scenario, in order. */
    public List<String> periods() {
        return periods;
    }

    public List<RefContract> contracts() {
        return contracts;
    }

    public ContractExtras extras(String contractId) {
        return extras.getOrDefault(contractId, new ContractExtras(null, null, false));
    }

    /** The payroll register rows of a period, in file order. */
    public List<RefPayrollRow> register(String period) {
        List<RefPayrollRow> rows = registers.get(period);
        if (rows == null) {
            throw new IllegalArgumentException("no register for " + period);
        }
        return rows;
    }

    /** The name printed in the payroll register for a matricule (may differ from the contract's). */
    public String payrollName(String matricule) {
        return payrollNames.getOrDefault(matricule, "");
    }

    /** The random generator to use for the return of the i-th period (0-based) of this scenario. */
    public Random returnRandom(int periodIndex) {
        return new Random(seed * 1_000_003L + periodIndex);
    }

    /**
     * A withholding return derived from the expected deduction order of a period (rows as in
     * {@link RefDeductionResult#deductions()}): mostly exact, some absent or 0, some short, some
     * over (a few far beyond any remaining balance), some with a wrong matricule, plus unexpected
     * lines (unknown contract, contract without order line, amount 0). Never the same contract twice.
     */
    public List<RefReturnRow> returnFor(String period, List<List<String>> expectedDeductionRows, Random rnd) {
        List<RefReturnRow> out = new ArrayList<>();
        Set<String> orderedIds = new HashSet<>();
        for (List<String> row : expectedDeductionRows) {
            if (!row.get(0).equals(period)) {
                throw new IllegalArgumentException("deduction row of another period: " + row);
            }
            orderedIds.add(row.get(2));
        }
        List<String> holderMatricules = new ArrayList<>();
        for (RefContract c : contracts) {
            if (!holderMatricules.contains(c.matricule())) {
                holderMatricules.add(c.matricule());
            }
        }
        for (List<String> row : expectedDeductionRows) {
            String matricule = row.get(1);
            String contractId = row.get(2);
            long expected = Long.parseLong(row.get(5));
            int draw = rnd.nextInt(100);
            if (draw < 72) {
                out.add(new RefReturnRow(contractId, matricule, expected)); // exact
            } else if (draw < 78) {
                continue; // absent
            } else if (draw < 81) {
                out.add(new RefReturnRow(contractId, matricule, 0)); // explicit 0
            } else if (draw < 87) {
                long shortAmount =
                        expected > 1 ? 1 + (long) rnd.nextInt((int) Math.min(expected - 1, Integer.MAX_VALUE)) : 0;
                out.add(new RefReturnRow(contractId, matricule, shortAmount));
            } else if (draw < 93) {
                out.add(new RefReturnRow(contractId, matricule, expected + 1 + rnd.nextInt(5_000))); // over
            } else if (draw < 96) {
                // over, beyond any remaining balance (financed is at most 350 000)
                out.add(new RefReturnRow(contractId, matricule, expected + 400_000 + rnd.nextInt(1_000)));
            } else {
                String other = matricule;
                if (holderMatricules.size() > 1) {
                    while (other.equals(matricule)) {
                        other = holderMatricules.get(rnd.nextInt(holderMatricules.size()));
                    }
                } else {
                    other = "999999Z".equals(matricule) ? "999998Z" : "999999Z";
                }
                out.add(new RefReturnRow(contractId, other, expected)); // wrong matricule
            }
        }
        Set<String> usedIds = new HashSet<>();
        for (RefReturnRow r : out) {
            usedIds.add(r.contractId());
        }
        // unexpected: unknown contract
        if (rnd.nextInt(100) < 50) {
            String id = unknownContractId(rnd, usedIds);
            out.add(new RefReturnRow(
                    id, holderMatricules.get(rnd.nextInt(holderMatricules.size())), 1_000 + rnd.nextInt(20_000)));
        }
        // unexpected: unknown contract with amount 0 (ignored)
        if (rnd.nextInt(100) < 25) {
            String id = unknownContractId(rnd, usedIds);
            out.add(new RefReturnRow(id, "000001A", 0));
        }
        // unexpected: known contracts without an order line this period (with an amount, or 0)
        List<RefContract> notOrdered = new ArrayList<>();
        for (RefContract c : contracts) {
            if (!orderedIds.contains(c.contractId()) && !usedIds.contains(c.contractId())) {
                notOrdered.add(c);
            }
        }
        Collections.shuffle(notOrdered, rnd);
        if (!notOrdered.isEmpty() && rnd.nextInt(100) < 50) {
            RefContract c = notOrdered.remove(0);
            out.add(new RefReturnRow(c.contractId(), c.matricule(), 1 + rnd.nextInt(30_000)));
        }
        if (!notOrdered.isEmpty() && rnd.nextInt(100) < 25) {
            RefContract c = notOrdered.remove(0);
            out.add(new RefReturnRow(c.contractId(), c.matricule(), 0));
        }
        Collections.shuffle(out, rnd); // a return comes in no particular order
        return out;
    }

    private static String unknownContractId(Random rnd, Set<String> usedIds) {
        String id;
        do {
            id = "ZZ-UNKNOWN-" + (100 + rnd.nextInt(900));
        } while (!usedIds.add(id));
        return id;
    }

    /**
     * Plays the whole scenario on a fresh reference model: imports the contracts, then for each
     * period deducts, derives the return with {@link #returnRandom(int)} and reconciles.
     */
    public List<MonthOutcome> playOn(ReferenceProgramme reference) {
        reference.importContracts(contracts);
        List<MonthOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            String period = periods.get(i);
            List<RefPayrollRow> register = register(period);
            RefDeductionResult deduction = reference.deduct(period, register);
            List<RefReturnRow> ret = returnFor(period, deduction.deductions(), returnRandom(i));
            RefReconciliationResult reconciliation = reference.reconcile(period, ret);
            outcomes.add(new MonthOutcome(period, register, deduction, ret, reconciliation));
        }
        return outcomes;
    }
}
