package org.smartphone.payroll.files;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Values to be read back in order, however many there are: at most a budget of them is held in
 * memory, sorted and written to a temporary file as a run whenever the budget is reached; reading
 * merges the runs. The sort is stable (equal values come back in the order they were added), and the
 * values may be read in order as many times as needed once the adding is over.
 */
final class SortedSpill<T> implements Closeable {

    /** How a value is written to the temporary file, read back, and roughly how much memory it takes. */
    interface Codec<T> {

        void write(DataOutput out, T value) throws IOException;

        T read(DataInput in) throws IOException;

        /** An estimate of the bytes the value takes in memory. */
        long memory(T value);
    }

    private static final int READ_BUFFER = 8192;
    private static final String PREFIX = ".spill-";
    private static final String SUFFIX = ".tmp";

    private final Path dir;
    private final Comparator<T> order;
    private final Codec<T> codec;
    private final long budget;
    private final List<T> buffer = new ArrayList<>();
    private long buffered;
    private long size;
    private boolean sorted;
    private Path path;
    private FileChannel file;
    /** The runs on disk: start offset, end offset, number of values. */
    private final List<long[]> runs = new ArrayList<>();

    /**
     * @param dir where the temporary file goes, if one is needed
     * @param budget the memory, in bytes as estimated by the codec, held before a run is written
     */
    SortedSpill(Path dir, Comparator<T> order, Codec<T> codec, long budget) {
        this.dir = dir;
        this.order = order;
        this.codec = codec;
        this.budget = budget;
    }

    void add(T value) {
        if (sorted) {
            throw new IllegalStateException("values added after they were read in order");
        }
        buffer.add(value);
        size++;
        buffered += codec.memory(value);
        if (buffered >= budget) {
            spill();
        }
    }

    long size() {
        return size;
    }

    /** Every value added, in order; ends the adding. */
    Iterator<T> sorted() {
        if (!sorted) {
            if (runs.isEmpty()) {
                buffer.sort(order);
            } else if (!buffer.isEmpty()) {
                spill();
            }
            sorted = true;
        }
        return runs.isEmpty() ? Collections.unmodifiableList(buffer).iterator() : new Merge();
    }

    private void spill() {
        buffer.sort(order);
        try {
            if (file == null) {
                Files.createDirectories(dir);
                path = Files.createTempFile(dir, PREFIX, SUFFIX);
                file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
            long start = file.position();
            DataOutputStream out =
                    new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(file), 1 << 16));
            for (T value : buffer) {
                codec.write(out, value);
            }
            out.flush();
            runs.add(new long[] {start, file.position(), buffer.size()});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a temporary file in " + dir, e);
        }
        buffer.clear();
        buffered = 0;
    }

    @Override
    public void close() throws IOException {
        buffer.clear();
        if (file != null) {
            file.close();
            file = null;
        }
        if (path != null) {
            Files.deleteIfExists(path);
        }
    }

    /** Removes the temporary files left in {@code dir} by a process that was killed before closing them. */
    static void removeLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove temporary files in " + dir, e);
        }
    }

    /** Writes a string of any length (DataOutput.writeUTF stops at 64 KB). */
    static void writeString(DataOutput out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The runs merged: the smallest head first, the earlier run first among equals (stability). */
    private final class Merge implements Iterator<T> {

        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
            int c = order.compare(a.value, b.value);
            return c != 0 ? c : Integer.compare(a.run, b.run);
        });

        Merge() {
            for (int i = 0; i < runs.size(); i++) {
                Head head = new Head(i, runs.get(i));
                if (head.advance()) {
                    heads.add(head);
                }
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public T next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            T value = head.value;
            if (head.advance()) {
                heads.add(head);
            }
            return value;
        }
    }

    /** The next value of one run, read from its part of the file. */
    private final class Head {

        private final int run;
        private final DataInputStream in;
        private long left;
        private T value;

        Head(int run, long[] extent) {
            this.run = run;
            this.in = new DataInputStream(new Part(extent[0], extent[1]));
            this.left = extent[2];
        }

        boolean advance() {
            if (left == 0) {
                return false;
            }
            try {
                value = codec.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a temporary file in " + dir, e);
            }
            left--;
            return true;
        }
    }

    /** A part of the file, read at its own position: the runs share one open file. */
    private final class Part extends InputStream {

        private final ByteBuffer bytes = ByteBuffer.allocate(READ_BUFFER).limit(0);
        private long position;
        private final long end;

        Part(long start, long end) {
            this.position = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            return fill() ? bytes.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(length, bytes.remaining());
            bytes.get(target, offset, n);
            return n;
        }

        private boolean fill() throws IOException {
            if (bytes.hasRemaining()) {
                return true;
            }
            if (position >= end) {
                return false;
            }
            bytes.clear().limit((int) Math.min(READ_BUFFER, end - position));
            while (bytes.hasRemaining()) {
                int n = file.read(bytes, position);
                if (n < 0) {
                    throw new IOException("a temporary file ended early");
                }
                position += n;
            }
            bytes.flip();
            return true;
        }
    }
}
