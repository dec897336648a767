package org.smartphone.payroll.files;

/** A cell that cannot be read as the value its column holds; the message is the reason shown. */
final class InvalidCell extends Exception {

    InvalidCell(String reason) {
        super(reason, null, false, false); // no stack trace: it is a verdict on data, not a bug
    }
}
