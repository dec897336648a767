package org.smartphone.payroll.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly, one character at a time, and knows the physical line of each one.
 *
 * <p>{@code InputStreamReader} would replace bad bytes silently and count no lines, yet the errors
 * file must name the line of a byte that is not UTF-8, of a NUL, or of a line too long to be CSV.
 * A line ends at LF, CR LF or a lone CR, as in Commons CSV. A leading BOM is dropped.
 */
final class Utf8LineReader implements Closeable {

    static final int MAX_LINE_CHARS = 1 << 20;
    private static final int BUFFER_SIZE = 1 << 16;

    private final InputStream in;
    private final String fileName;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE);
    private final char[] buffer = chars.array();
    private int position;
    private int limit;

    private boolean endOfBytes;
    private boolean flushed;
    private boolean started;
    /** Bytes that are not UTF-8, reported once the characters decoded before them are read. */
    private String badBytes;

    private long line = 1;
    private long nextLine = 1;
    private boolean afterCr;
    private int lineLength;

    Utf8LineReader(InputStream in, String fileName) {
        this.in = in;
        this.fileName = fileName;
    }

    /** The next character, or -1 at the end of the file. */
    int read() throws InputFileException {
        if (position == limit && !fill()) {
            if (badBytes != null) {
                throw notUtf8();
            }
            return -1;
        }
        char c = buffer[position++];
        if (afterCr) {
            afterCr = false;
            if (c != '\n') {
                startLine();
            }
        }
        line = nextLine;
        if (c == '\n') {
            startLine();
        } else if (c == '\r') {
            afterCr = true;
        } else if (c == 0) {
            throw failure(
                    line,
                    "0x00",
                    "The file contains a NUL byte (0x00) on line " + line
                            + "; it is not a CSV text file. Export it again as CSV UTF-8.");
        } else if (++lineLength > MAX_LINE_CHARS) {
            throw failure(
                    line,
                    "",
                    "Line " + line + " is longer than 1 MB; it is not a CSV text file"
                            + " or its line breaks are missing.");
        }
        return c;
    }

    /** Physical line (1-based) of the character last read. */
    long line() {
        return line;
    }

    InputFileException failure(long atLine, String value, String reason) {
        return new InputFileException(fileName, new InputError(atLine, "", value, reason));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void startLine() {
        nextLine++;
        lineLength = 0;
    }

    private boolean fill() {
        while (badBytes == null && !flushed) {
            chars.clear();
            CoderResult result = decoder.decode(bytes, chars, endOfBytes);
            if (result.isError()) {
                badBytes = hex(result.length());
            } else if (result.isUnderflow()) {
                if (endOfBytes) {
                    decoder.flush(chars);
                    flushed = true;
                } else {
                    readBytes();
                }
            }
            chars.flip();
            position = 0;
            limit = chars.limit();
            if (!started && limit > 0) {
                started = true;
                if (buffer[0] == '\uFEFF') {
                    position = 1;
                }
            }
            if (position < limit) {
                return true;
            }
        }
        return false;
    }

    private void readBytes() {
        bytes.compact();
        try {
            int count = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (count < 0) {
                endOfBytes = true;
            } else {
                bytes.position(bytes.position() + count);
            }
        } catch (IOException e) {
            // A failing disk is not an invalid file: let the run crash and be resumed.
            throw new UncheckedIOException("cannot read " + fileName, e);
        } finally {
            bytes.flip();
        }
    }

    private String hex(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        return text.toString();
    }

    private InputFileException notUtf8() {
        long badLine = afterCr ? nextLine + 1 : nextLine;
        return failure(
                badLine,
                badBytes,
                "The file is not UTF-8 text: line " + badLine + " has bytes that are not UTF-8 ("
                        + badBytes + "), often an accented letter saved as Windows-1252 or Latin-1."
                        + " Save the file as CSV UTF-8 and drop it again.");
    }
}
