package org.smartphone.payroll.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Chooses {@code ,} or {@code ;} from the header line before it is decoded. Looking at bytes is
 * enough because both delimiters, the quote and the line breaks are ASCII, which UTF-8 never uses
 * inside a multi-byte character.
 */
final class Delimiter {

    private static final int MAX_HEADER_BYTES = Utf8LineReader.MAX_LINE_CHARS;

    private Delimiter() {}

    /**
     * The delimiter seen most often outside quotes on the header line; {@code ,} on a tie, e.g. a
     * header of one column. Leaves the stream where it was (it must support mark and reset).
     */
    static char sniff(InputStream in) {
        try {
            in.mark(MAX_HEADER_BYTES + 1);
            int commas = 0;
            int semicolons = 0;
            boolean quoted = false;
            for (int i = 0; i < MAX_HEADER_BYTES; i++) {
                int b = in.read();
                if (b == -1 || (!quoted && (b == '\n' || b == '\r'))) {
                    break;
                }
                if (b == '"') {
                    quoted = !quoted; // a doubled quote toggles twice: still right
                } else if (!quoted && b == ',') {
                    commas++;
                } else if (!quoted && b == ';') {
                    semicolons++;
                }
            }
            in.reset();
            return semicolons > commas ? ';' : ',';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
