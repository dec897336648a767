package org.smartphone.payroll.files;

/**
 * The whole input file is unusable (bad header, bytes that are not UTF-8, a quote never closed,
 * ...): it is reported as a single row of its errors file.
 */
public class InputFileException extends Exception {

    private final String fileName;
    private final InputError error;

    public InputFileException(String fileName, InputError error) {
        super(describe(fileName, error));
        this.fileName = fileName;
        this.error = error;
    }

    public String fileName() {
        return fileName;
    }

    public InputError error() {
        return error;
    }

    private static String describe(String fileName, InputError error) {
        StringBuilder text = new StringBuilder(fileName);
        if (error.line() > 0) {
            text.append(", line ").append(error.line());
        }
        if (!error.column().isEmpty()) {
            text.append(", column ").append(error.column());
        }
        if (!error.value().isEmpty()) {
            text.append(", value \"").append(error.value()).append('"');
        }
        return text.append(": ").append(error.reason()).toString();
    }
}
