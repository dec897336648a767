package org.smartphone.payroll.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An input file open for reading: refused unless it is a regular file, and never waited on. A named
 * pipe (FIFO) in an input's place would block the open until something writes to it, a device could
 * be read for ever, a folder cannot be read: each is refused at once with a message (SPEC 6, exit 2).
 *
 * <p>How, and why so: Java 17 can neither open a file with O_NONBLOCK nor fstat an open channel.
 * So the path is looked at without following a final symbolic link (unless the caller follows
 * them) and must be a regular file; it is then opened (with O_NOFOLLOW likewise) on a helper thread
 * while the caller watches the path: if the path stops naming that file before the open returns, the
 * open may be blocked on a pipe swapped in, so it is released by opening the pipe for reading and
 * writing (which Linux never blocks on) and the file is refused. Once open, the path must still name
 * the same file (same device and inode) and the channel must be able to seek, which a pipe cannot.
 * This needs nothing outside the JDK and refuses a pipe at once whenever it is swapped in; the digest
 * of the bytes read, compared with the one the run started with, is what guarantees their content.
 */
public final class RegularFile implements Closeable {

    /** How often the path is looked at while the open has not returned. */
    private static final long WATCH_MILLIS = 20;
    /** How long an open of a file that stays in place may take (a slow network file system) before it fails. */
    private static final Duration OPEN_LIMIT = Duration.ofSeconds(30);

    private final Path path;
    private final LinkOption[] links;
    private final Object fileKey;
    private final SeekableByteChannel channel;

    private RegularFile(Path path, LinkOption[] links, Object fileKey, SeekableByteChannel channel) {
        this.path = path;
        this.links = links;
        this.fileKey = fileKey;
        this.channel = channel;
    }

    /** What a path names, as far as reading it as an input goes. */
    public enum Kind {
        MISSING,
        REGULAR,
        SYMBOLIC_LINK,
        FOLDER,
        OTHER
    }

    /**
     * What {@code file} names now; a final symbolic link is followed only when {@code followLinks}.
     * Callable on its own (by {@code serve} deciding whether a file can ever run) without opening it.
     */
    public static Kind at(Path file, boolean followLinks) {
        try {
            return kind(Files.readAttributes(file, BasicFileAttributes.class, links(followLinks)));
        } catch (NoSuchFileException e) {
            return Kind.MISSING;
        } catch (IOException e) {
            return Kind.OTHER;
        }
    }

    /**
     * Opens {@code file} for reading when it is a regular file, else throws a {@link NotRegularException}
     * whose message says what it is. A final symbolic link is followed only when {@code followLinks}.
     */
    public static RegularFile open(Path file, boolean followLinks) throws IOException {
        LinkOption[] links = links(followLinks);
        BasicFileAttributes before;
        try {
            before = Files.readAttributes(file, BasicFileAttributes.class, links);
        } catch (NoSuchFileException e) {
            throw new NotRegularException(file, Kind.MISSING);
        }
        if (kind(before) != Kind.REGULAR) {
            throw new NotRegularException(file, kind(before));
        }
        OpenOption[] options = followLinks
                ? new OpenOption[] {StandardOpenOption.READ}
                : new OpenOption[] {StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS};
        SeekableByteChannel channel = openWatching(file, options, links, before.fileKey());
        try {
            channel.position(); // a pipe cannot seek: this is the check an fstat would make
            if (!sameRegularFile(file, links, before.fileKey())) {
                throw replacedWhileOpened(file);
            }
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw e instanceof NotRegularException ? e : replacedWhileOpened(file);
        }
        return new RegularFile(file, links, before.fileKey(), channel);
    }

    /** The SHA-256 of a regular file, read as {@link #open} opens it. */
    public static String sha256(Path file, boolean followLinks) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        byte[] buffer = new byte[1 << 16];
        try (RegularFile opened = open(file, followLinks);
                InputStream in = opened.stream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return Sha256.hex(digest);
    }

    /** The file's bytes, from the start; closing the stream closes the file. */
    public InputStream stream() {
        return Channels.newInputStream(channel);
    }

    /** Whether the path no longer names the file opened: removed, or another file put in its place. */
    public boolean replaced() {
        return !sameRegularFile(path, links, fileKey);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /**
     * Opens on a helper thread, watching the path meanwhile: a regular file opens at once, and only a
     * pipe swapped in after it was looked at makes the open wait.
     */
    static SeekableByteChannel openWatching(Path file, OpenOption[] options, LinkOption[] links, Object fileKey)
            throws IOException {
        CompletableFuture<SeekableByteChannel> opening = new CompletableFuture<>();
        Thread opener = new Thread(
                () -> {
                    try {
                        opening.complete(Files.newByteChannel(file, options));
                    } catch (Throwable e) {
                        opening.completeExceptionally(e);
                    }
                },
                "opening an input file");
        opener.setDaemon(true); // one left blocked on a pipe that could not be released never keeps the JVM up
        opener.start();
        long deadline = System.nanoTime() + OPEN_LIMIT.toNanos();
        while (true) {
            try {
                return opening.get(WATCH_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    Kind now = at(file, links.length == 0);
                    throw now == Kind.REGULAR ? io : new NotRegularException(file, now, io);
                }
                throw new IllegalStateException(e.getCause());
            } catch (TimeoutException e) {
                if (!sameRegularFile(file, links, fileKey)) {
                    release(file, links, opening);
                    throw replacedWhileOpened(file);
                }
                if (System.nanoTime() > deadline) {
                    release(file, links, opening);
                    throw new IOException(InputName.escaped(file.toString()) + " did not open within "
                            + OPEN_LIMIT.toSeconds() + " s.");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                release(file, links, opening);
                throw new InterruptedIOException("interrupted while opening " + file);
            }
        }
    }

    /**
     * Lets an open blocked on a pipe return: opened for reading and writing, a pipe has a writer, and
     * Linux never blocks such an open. Whatever the helper thread opens is then closed.
     */
    private static void release(Path file, LinkOption[] links, CompletableFuture<SeekableByteChannel> opening) {
        opening.thenAccept(channel -> closeQuietly(channel, null));
        try {
            if (Files.readAttributes(file, BasicFileAttributes.class, links).isOther()) {
                OpenOption[] options = links.length == 0
                        ? new OpenOption[] {StandardOpenOption.READ, StandardOpenOption.WRITE}
                        : new OpenOption[] {StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS
                        };
                try (SeekableByteChannel writer = Files.newByteChannel(file, options)) {
                    opening.get(1, TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            // not a pipe any more, or not ours to write to: the daemon helper thread may stay blocked
        }
    }

    private static boolean sameRegularFile(Path file, LinkOption[] links, Object fileKey) {
        try {
            BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class, links);
            return now.isRegularFile() && Objects.equals(now.fileKey(), fileKey);
        } catch (IOException e) {
            return false;
        }
    }

    private static Kind kind(BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return Kind.SYMBOLIC_LINK;
        }
        if (attributes.isDirectory()) {
            return Kind.FOLDER;
        }
        return attributes.isRegularFile() ? Kind.REGULAR : Kind.OTHER;
    }

    private static LinkOption[] links(boolean followLinks) {
        return followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    }

    private static NotRegularException replacedWhileOpened(Path file) {
        return new NotRegularException(InputName.escaped(file.toString())
                + " was replaced by something other than a file while it was being opened; it is not read.");
    }

    private static void closeQuietly(Closeable closeable, Exception failure) {
        try {
            closeable.close();
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The path does not name a regular file (or stopped naming one): a problem of the input, exit 2. */
    public static final class NotRegularException extends IOException {

        NotRegularException(String message) {
            super(message);
        }

        NotRegularException(Path file, Kind kind) {
            super(describe(file, kind));
        }

        NotRegularException(Path file, Kind kind, IOException cause) {
            super(describe(file, kind), cause);
        }

        /**
         * A symbolic link is only refused in the inbox, where links are not followed: a file named
         * with {@code --file} elsewhere is read through its link, and never moved.
         */
        private static String describe(Path file, Kind kind) {
            String path = InputName.escaped(file.toString());
            return switch (kind) {
                case MISSING -> path + ": no such file.";
                case SYMBOLIC_LINK ->
                    InputName.escaped(String.valueOf(file.getFileName()))
                            + " in the inbox is a symbolic link; copy the file itself into the inbox.";
                case FOLDER -> path + " is a folder, not a file.";
                case OTHER, REGULAR ->
                    path + " is not a regular file (a named pipe, a socket or a device);" + " it is not read.";
            };
        }
    }
}
