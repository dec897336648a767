package org.smartphone.payroll.run;

import org.smartphone.payroll.failure.RefusedException;

/**
 * Refused because the run asked for has already completed (exit 3, like any refusal): unlike a run
 * that must wait for another one, nothing will ever make it go ahead, so {@code serve} takes such a
 * file out of the inbox instead of waiting for it.
 */
public class AlreadyDoneException extends RefusedException {

    public AlreadyDoneException(String message) {
        super(message);
    }
}
