package org.smartphone.payroll.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded random mutations of a valid input file, for fuzzing the file layer and the command line.
 * Everything is driven by the {@link Random} given, so a seed reproduces the same mutant. Each
 * mutation is described in words so that a failure report says what was done to the file.
 */
public final class InputMutator {

    /** A mutated file and the mutations that made it, in order. */
    public record Mutant(byte[] bytes, List<String> steps) {
        @Override
        public String toString() {
            return String.join(" + ", steps) + " (" + bytes.length + " bytes)";
        }
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Bytes that upset CSV readers: NUL, bytes never valid in UTF-8, quotes, line breaks, delimiters. */
    private static final int[] HOSTILE_BYTES = {
        0x00, 0xFF, 0xFE, 0xC3, 0xE9, 0xA0, 0x80, 0xEF, '"', '"', '\r', '\n', ',', ';', ' ', '\t', '#', '-', '+', 'e',
        '.', '0', '9', '='
    };

    /** Cell values a payroll office or a spreadsheet could produce, valid or not. */
    private static final String[] HOSTILE_CELLS = {
        "",
        " ",
        "\u00A0",
        "0",
        "-0",
        "-1",
        "+5",
        "1e5",
        "1E+05",
        "7.916E3",
        "1 234,56",
        "1 234,00",
        "1\u202F234",
        "1\u00A0234",
        "12 34",
        "1.234",
        "1,234",
        "1,000,000",
        "0,00",
        "0.0",
        "999 999 999 999",
        "1 000 000 000 000",
        "99999999999999999999999999",
        "NaN",
        "Infinity",
        "abc",
        "12O00",
        "95000 F",
        "XOF 95000",
        "١٢٣",
        "１２３",
        "\"",
        "\"\"",
        "=1+1",
        "@SUM(A1)",
        "-cmd",
        "\t",
        "#",
        "2026-1",
        "2026-13",
        "0000-01",
        "9999-12",
        "2026-01-01",
        "26-01",
        "active",
        "Active ",
        "ACTIF",
        "Deceased",
        "ß",
        "ﬀ-1",
        "ı",
        "mat-ı",
        "Ǆ-1",
        "a/b.c_d-e",
        "-abc",
        "A B",
        "A\u200BB",
        "\uFEFFSP-1",
        "X".repeat(33),
        "x".repeat(5000),
        "😀",
        "\uD83D",
        "Kossi\u2028Agbéko",
        "0000000000000000000000095000",
        "100000000000000"
    };

    private InputMutator() {}

    /** One to three mutations of {@code original}, chosen by {@code random}. */
    public static Mutant mutate(byte[] original, Random random) {
        byte[] bytes = original;
        List<String> steps = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            StringBuilder step = new StringBuilder();
            bytes = mutateOnce(bytes, random, step);
            steps.add(step.toString());
        }
        return new Mutant(bytes, List.copyOf(steps));
    }

    private static byte[] mutateOnce(byte[] bytes, Random random, StringBuilder step) {
        int choice = random.nextInt(100);
        if (choice < 8) {
            return flipBit(bytes, random, step);
        } else if (choice < 16) {
            return setByte(bytes, random, step);
        } else if (choice < 26) {
            return insertBytes(bytes, random, step);
        } else if (choice < 31) {
            return deleteRange(bytes, random, step);
        } else if (choice < 37) {
            return cutLine(bytes, random, step);
        } else if (choice < 43) {
            return duplicateLine(bytes, random, step);
        } else if (choice < 49) {
            return swapColumns(bytes, random, step);
        } else if (choice < 52) {
            step.append("drop the header");
            return removeLine(bytes, 0);
        } else if (choice < 54) {
            return toUtf16(bytes, random, step);
        } else if (choice < 57) {
            step.append("re-encode as Windows-1252");
            return reencode(bytes, WINDOWS_1252);
        } else if (choice < 61) {
            int length = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            step.append("truncate to ").append(length).append(" bytes");
            return Arrays.copyOf(bytes, length);
        } else if (choice < 75) {
            return replaceCell(bytes, random, step);
        } else if (choice < 78) {
            return lineEndings(bytes, random, step);
        } else if (choice < 80) {
            step.append("add a UTF-8 BOM");
            return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes);
        } else if (choice < 82) {
            step.append("use ; as delimiter");
            return replaceAll(bytes, (byte) ',', (byte) ';');
        } else if (choice < 87) {
            return quoteCell(bytes, random, step);
        } else if (choice < 89) {
            step.append("append an unclosed quote");
            return concat(bytes, "2026-01,\"never closed,1\n".getBytes(StandardCharsets.UTF_8));
        } else if (choice < 92) {
            return blankLine(bytes, random, step);
        } else if (choice < 94) {
            return headerCase(bytes, random, step);
        } else if (choice < 95) {
            step.append("empty the file");
            return new byte[0];
        } else if (choice < 96) {
            return longLine(bytes, random, step);
        } else {
            return shuffleLines(bytes, random, step);
        }
    }

    private static byte[] flipBit(byte[] bytes, Random random, StringBuilder step) {
        if (bytes.length == 0) {
            step.append("flip a bit of nothing");
            return bytes;
        }
        byte[] copy = bytes.clone();
        int at = random.nextInt(copy.length);
        int bit = random.nextInt(8);
        copy[at] ^= (byte) (1 << bit);
        step.append("flip bit ").append(bit).append(" of byte ").append(at);
        return copy;
    }

    private static byte[] setByte(byte[] bytes, Random random, StringBuilder step) {
        if (bytes.length == 0) {
            step.append("set a byte of nothing");
            return bytes;
        }
        byte[] copy = bytes.clone();
        int at = random.nextInt(copy.length);
        int value = hostileByte(random);
        copy[at] = (byte) value;
        step.append(String.format("set byte %d to 0x%02X", at, value));
        return copy;
    }

    private static byte[] insertBytes(byte[] bytes, Random random, StringBuilder step) {
        int at = random.nextInt(bytes.length + 1);
        int count = 1 + random.nextInt(4);
        byte[] inserted = new byte[count];
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < count; i++) {
            inserted[i] = (byte) hostileByte(random);
            shown.append(String.format(" 0x%02X", inserted[i] & 0xFF));
        }
        step.append("insert").append(shown).append(" at byte ").append(at);
        return splice(bytes, at, 0, inserted);
    }

    private static byte[] deleteRange(byte[] bytes, Random random, StringBuilder step) {
        if (bytes.length == 0) {
            step.append("delete nothing");
            return bytes;
        }
        int at = random.nextInt(bytes.length);
        int length = Math.min(bytes.length - at, 1 + random.nextInt(16));
        step.append("delete ").append(length).append(" bytes at ").append(at);
        return splice(bytes, at, length, new byte[0]);
    }

    private static byte[] cutLine(byte[] bytes, Random random, StringBuilder step) {
        List<byte[]> lines = lines(bytes);
        int index = random.nextInt(lines.size());
        step.append("cut line ").append(index + 1);
        return removeLine(bytes, index);
    }

    private static byte[] duplicateLine(byte[] bytes, Random random, StringBuilder step) {
        List<byte[]> lines = lines(bytes);
        int from = lines.size() > 1 ? 1 + random.nextInt(lines.size() - 1) : 0;
        int to = 1 + random.nextInt(lines.size());
        step.append("copy line ").append(from + 1).append(" before line ").append(to + 1);
        List<byte[]> copy = new ArrayList<>(lines);
        copy.add(Math.min(to, copy.size()), withNewline(lines.get(from)));
        return join(copy);
    }

    private static byte[] swapColumns(byte[] bytes, Random random, StringBuilder step) {
        List<byte[]> lines = lines(bytes);
        int a = random.nextInt(6);
        int b = random.nextInt(6);
        int scope = random.nextInt(3); // 0: every line (same meaning), 1: data only, 2: header only
        step.append("swap columns ")
                .append(a + 1)
                .append(" and ")
                .append(b + 1)
                .append(scope == 0 ? " on every line" : scope == 1 ? " on data lines" : " in the header");
        List<byte[]> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean swap = scope == 0 || (scope == 1 && i > 0) || (scope == 2 && i == 0);
            result.add(swap ? swapCells(lines.get(i), a, b) : lines.get(i));
        }
        return join(result);
    }

    private static byte[] toUtf16(byte[] bytes, Random random, StringBuilder step) {
        Charset[] charsets = {StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE};
        Charset charset = charsets[random.nextInt(charsets.length)];
        step.append("re-encode as ").append(charset.name());
        byte[] encoded = reencode(bytes, charset);
        if (charset != StandardCharsets.UTF_16 && random.nextBoolean()) {
            step.append(" with a BOM");
            return concat("\uFEFF".getBytes(charset), encoded);
        }
        return encoded;
    }

    private static byte[] replaceCell(byte[] bytes, Random random, StringBuilder step) {
        List<byte[]> lines = lines(bytes);
        int index = random.nextInt(lines.size());
        String line = new String(lines.get(index), StandardCharsets.UTF_8);
        String ending = line.endsWith("\n") ? "\n" : "";
        String[] cells = line.substring(0, line.length() - ending.length()).split(",", -1);
        int cell = random.nextInt(cells.length);
        String value = HOSTILE_CELLS[random.nextInt(HOSTILE_CELLS.length)];
        boolean quoted = value.contains(",") || value.contains("\"") || random.nextInt(4) == 0;
        String written = quoted ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        cells[cell] = written;
        step.append("set cell ")
                .append(cell + 1)
                .append(" of line ")
                .append(index + 1)
                .append(" to ")
                .append(printable(written));
        List<byte[]> copy = new ArrayList<>(lines);
        copy.set(index, (String.join(",", cells) + ending).getBytes(StandardCharsets.UTF_8));
        return join(copy);
    }

    private static byte[] lineEndings(byte[] bytes, Random random, StringBuilder step) {
        boolean crlf = random.nextBoolean();
        step.append(crlf ? "use CR LF line endings" : "use CR line endings");
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + bytes.length / 20);
        for (byte b : bytes) {
            if (b == '\n') {
                out.write('\r');
                if (crlf) {
                    out.write('\n');
                }
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static byte[] quoteCell(byte[] bytes, Random random, StringBuilder step) {
        List<byte[]> lines = lines(bytes);
        int index = random.nextInt(lines.size());
        String line = new String(lines.get(index), StandardCharsets.UTF_8);
        String ending = line.endsWith("\n") ? "\n" : "";
        String[] cells = line.substring(0, line.length() - ending.length()).split(",", -1);
        int cell = random.nextInt(cells.length);
        String[] forms = {
            "\"" + cells[cell] + "\"",
            "\"" + cells[cell] + "\nsecond line\"",
            "\"" + cells[cell] + "\r\n\"",
            "\"" + cells[cell] + ",with comma\"",
            "\"" + cells[cell] + "\" trailing",
            " \"" + cells[cell] + "\" ",
            "\"" + cells[cell] + "\"\"inner\"\"\"",
            cells[cell] + "\"inch",
            "\"" + cells[cell],
        };
        String form = forms[random.nextInt(forms.length)];
        cells[cell] = form;
        step.append("quote cell ")
                .append(cell + 1)
                .append(" of line ")
                .append(index + 1)
                .append(" as ")
                .append(printable(form));
        List<byte[]> copy = new ArrayList<>(lines);
        copy.set(index, (String.join(",", cells) + ending).getBytes(StandardCharsets.UTF_8));
        return join(copy);
    }

    private static byte[] blankLine(byte[] bytes, Random random, StringBuilder step) {
        String[] blanks = {"\n", ",,,\n", " , , \n", "\u00A0\n", "\"\",\"\"\n", "\t\n"};
        String blank = blanks[random.nextInt(blanks.length)];
        List<byte[]> lines = lines(bytes);
        int at = random.nextInt(lines.size() + 1);
        step.append("insert the blank line ")
                .append(printable(blank))
                .append(" before line ")
                .append(at + 1);
        List<byte[]> copy = new ArrayList<>(lines);
        if (at > 0 && !endsWithNewline(copy.get(at - 1))) {
            copy.set(at - 1, withNewline(copy.get(at - 1)));
        }
        copy.add(at, blank.getBytes(StandardCharsets.UTF_8));
        return join(copy);
    }

    private static byte[] headerCase(byte[] bytes, Random random, StringBuilder step) {
        List<byte[]> lines = lines(bytes);
        String header = new String(lines.get(0), StandardCharsets.UTF_8);
        String changed = switch (random.nextInt(3)) {
            case 0 -> header.toUpperCase(java.util.Locale.ROOT);
            case 1 -> header.replace(",", " , ");
            default -> header.replace("_xof", "");
        };
        step.append("rewrite the header as ").append(printable(changed));
        List<byte[]> copy = new ArrayList<>(lines);
        copy.set(0, changed.getBytes(StandardCharsets.UTF_8));
        return join(copy);
    }

    private static byte[] longLine(byte[] bytes, Random random, StringBuilder step) {
        List<byte[]> lines = lines(bytes);
        int at = 1 + random.nextInt(Math.max(1, lines.size()));
        int length = random.nextBoolean() ? (1 << 20) + 10 : 200_000;
        step.append("insert a line of ")
                .append(length)
                .append(" characters before line ")
                .append(at + 1);
        List<byte[]> copy = new ArrayList<>(lines);
        if (!copy.isEmpty() && !endsWithNewline(copy.get(copy.size() - 1))) {
            copy.set(copy.size() - 1, withNewline(copy.get(copy.size() - 1)));
        }
        copy.add(
                Math.min(at, copy.size()), ("2026-01," + "9".repeat(length) + ",x\n").getBytes(StandardCharsets.UTF_8));
        return join(copy);
    }

    private static byte[] shuffleLines(byte[] bytes, Random random, StringBuilder step) {
        List<byte[]> lines = new ArrayList<>(lines(bytes));
        if (!lines.isEmpty()) {
            lines.set(lines.size() - 1, withNewline(lines.get(lines.size() - 1)));
        }
        java.util.Collections.shuffle(lines, random);
        step.append("shuffle the lines (header included)");
        return join(lines);
    }

    // --- helpers ---------------------------------------------------------------------------

    private static int hostileByte(Random random) {
        return random.nextInt(3) == 0 ? random.nextInt(256) : HOSTILE_BYTES[random.nextInt(HOSTILE_BYTES.length)];
    }

    /** Lines of the file split after each LF, each keeping its LF; at least one (maybe empty) line. */
    public static List<byte[]> lines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i + 1));
                start = i + 1;
            }
        }
        if (start < bytes.length || lines.isEmpty()) {
            lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }

    public static byte[] join(List<byte[]> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
        }
        return out.toByteArray();
    }

    private static byte[] removeLine(byte[] bytes, int index) {
        List<byte[]> lines = new ArrayList<>(lines(bytes));
        lines.remove(index);
        return join(lines);
    }

    private static byte[] swapCells(byte[] line, int a, int b) {
        String text = new String(line, StandardCharsets.UTF_8);
        String ending = text.endsWith("\n") ? "\n" : "";
        String[] cells = text.substring(0, text.length() - ending.length()).split(",", -1);
        if (a >= cells.length || b >= cells.length) {
            return line;
        }
        String keep = cells[a];
        cells[a] = cells[b];
        cells[b] = keep;
        return (String.join(",", cells) + ending).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean endsWithNewline(byte[] line) {
        return line.length > 0 && line[line.length - 1] == '\n';
    }

    private static byte[] withNewline(byte[] line) {
        return endsWithNewline(line) ? line : concat(line, new byte[] {'\n'});
    }

    /** Decodes as UTF-8 (replacing what is not) and encodes in {@code charset} ('?' for the unmappable). */
    public static byte[] reencode(byte[] bytes, Charset charset) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            ByteBuffer encoded = encoder.encode(java.nio.CharBuffer.wrap(text));
            return Arrays.copyOf(encoded.array(), encoded.limit());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] replaceAll(byte[] bytes, byte from, byte to) {
        byte[] copy = bytes.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == from) {
                copy[i] = to;
            }
        }
        return copy;
    }

    private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
        byte[] result = new byte[bytes.length - removed + inserted.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at + removed, result, at + inserted.length, bytes.length - at - removed);
        return result;
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    /** A value shown in a report: control characters escaped, long runs abbreviated. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder("'");
        String shown = text.length() > 80 ? text.substring(0, 40) + "…(" + text.length() + " chars)" : text;
        for (char c : shown.toCharArray()) {
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || Character.isSurrogate(c) || c == '\uFEFF') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** The bytes of a (small) file as Java source, for a reproduction in a report. */
    public static String javaLiteral(byte[] bytes) {
        StringBuilder out = new StringBuilder("new byte[] {");
        for (int i = 0; i < bytes.length; i++) {
            out.append(i == 0 ? "" : ", ").append(bytes[i]);
        }
        return out.append('}').toString();
    }

    /** The bytes of a file as readable text: printable ASCII and UTF-8 as is, the rest as \xNN. */
    public static String escaped(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v == '\n') {
                out.append("\\n");
            } else if (v == '\r') {
                out.append("\\r");
            } else if (v == '\\') {
                out.append("\\\\");
            } else if (v >= 0x20 && v < 0x7F) {
                out.append((char) v);
            } else {
                out.append(String.format("\\x%02X", v));
            }
        }
        return out.toString();
    }
}
