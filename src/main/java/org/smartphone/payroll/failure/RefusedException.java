package org.smartphone.payroll.failure;

/** The run is refused by the state of the ledger: exit code 3, nothing changed (SPEC 6). */
public class RefusedException extends RuntimeException {

    public RefusedException(String message) {
        super(message);
    }
}
