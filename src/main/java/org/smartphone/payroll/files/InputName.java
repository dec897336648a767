package org.smartphone.payroll.files;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a file name can be an input's: every name the engine derives from it must stay a legal
 * name, and the name must not be able to forge a line of {@code status}, of a message or of the log.
 * Checked before a run is recorded, for a file named with {@code --file} as for one in the inbox.
 */
public final class InputName {

    /**
     * The longest name an input may have, in UTF-8 bytes: file systems allow 255, and the engine adds
     * up to 30 to it (13 for the {@code -} and 12 hex digits a name already taken in {@code archive/}
     * or {@code rejected/} gets, then 11 for {@code .reason.txt}, written aside as
     * {@code .<name>.reason.txt.part}: 6 more; {@code .errors.csv} is 11 too).
     */
    public static final int MAX_BYTES = 255 - 13 - 11 - 6;

    private InputName() {}

    /** Why this name cannot be an input's, as a sentence naming it; empty when it can. */
    public static Optional<String> problem(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return Optional.of(escaped(name) + ": the file name is " + bytes + " bytes long, more than the " + MAX_BYTES
                    + " an input's name may have (the engine adds to it for the errors, reason and archived files);"
                    + " rename the file with a shorter name.");
        }
        if (name.codePoints().anyMatch(InputName::isControl)) {
            return Optional.of(escaped(name) + ": the file name holds a control or invisible formatting character"
                    + " (shown here as \\u followed by its code); rename the file.");
        }
        return Optional.empty();
    }

    /**
     * The name with every control character (Unicode Cc), invisible formatting character (Cf, such as
     * U+202E, which reverses the text after it) and line or paragraph separator written as
     * {@code \}{@code uXXXX}: a name quoted in a message or the log then stays on one line and reads as
     * it is.
     */
    public static String escaped(String name) {
        StringBuilder text = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (isControl(c)) {
                text.append(c <= 0xFFFF ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.toString();
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
