package org.smartphone.payroll.failure;

/** The input cannot be used: exit code 2, nothing changed (SPEC 6). */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
