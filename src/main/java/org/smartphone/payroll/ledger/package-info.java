/**
 * The ledger as SQL sees it: the rules a statement must apply, each written once
 * ({@link org.smartphone.payroll.ledger.LedgerRules}: an open or settled contract, a balance paid off,
 * an order line, an exception, and the statements that settle and reopen contracts), the contract's
 * state ({@link org.smartphone.payroll.ledger.ContractState}, SPEC 7.0), and the JDBC helpers the runs
 * share: batched inserts ({@link org.smartphone.payroll.ledger.RowBatch}), emptying staging tables
 * ({@link org.smartphone.payroll.ledger.StagingTables}) and the planner's statistics
 * ({@link org.smartphone.payroll.ledger.LedgerStatistics}).
 */
package org.smartphone.payroll.ledger;
