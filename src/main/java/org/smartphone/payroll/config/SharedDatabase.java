package org.smartphone.payroll.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import org.h2.tools.Server;
import org.smartphone.payroll.files.PrivateFiles;

/**
 * The embedded database that {@code serve} holds, shared with the commands that only read it
 * ({@code status}, {@code report}): H2 admits one process per database file, so serve opens H2's TCP
 * server in its own process, on the database it holds, and the reading commands connect through it
 * (docs/security.md). H2's automatic mixed mode would do the same but cannot keep the database open
 * until the engine's own shutdown (it requires DB_CLOSE_ON_EXIT), and would let any command, serve
 * included, become the server for the others.
 *
 * <p>Who can connect: the server listens on 127.0.0.1 only and refuses connections from other
 * machines; it opens only this database, under a random key (32 bytes) that replaces its name, and H2
 * asks for the database's password ({@code db/credential}). The key, the port and serve's process id
 * are in {@code db/served-by}, readable by the engine's account only (0600), written whole, removed
 * when serve stops. After a kill -9 the file stays: a reading command uses it only while that process
 * is alive, and the next serve writes it anew.
 */
public final class SharedDatabase implements AutoCloseable {

    private static final String FILE_NAME = "served-by";
    private static final int KEY_BYTES = 32;

    private final Server server;
    private final Path file;

    private SharedDatabase(Server server, Path file) {
        this.server = server;
        this.file = file;
    }

    /**
     * Binds H2's servers to the loopback address only. H2 reads this setting once, when its first class
     * loads, so serve calls this before it opens the database.
     */
    public static void listenOnLoopbackOnly() {
        System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    /**
     * Opens the TCP server on the database at {@code path} (the file URL's path, without settings),
     * already open in this process, on any free port, and tells the reading commands where it is.
     */
    public static SharedDatabase start(Home home, PrivateFiles files, Path path) throws SQLException, IOException {
        byte[] secret = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        String key = HexFormat.of().formatHex(secret);
        // no -tcpAllowOthers: connections from another machine are refused; -ifExists: nothing new is made
        Server server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifExists", "-key", key, "file:" + path)
                .start();
        Path file = home.database().resolve(FILE_NAME);
        try {
            Path aside = file.resolveSibling("." + FILE_NAME + ".part");
            try (OutputStream out = files.createSecret(aside)) {
                out.write((server.getPort() + " " + key + " "
                                + ProcessHandle.current().pid() + "\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            server.stop();
            throw e;
        }
        return new SharedDatabase(server, file);
    }

    /**
     * The URL of the database through the server of the serve that holds it, if a serve alive
     * announced one in {@code db/served-by}; empty otherwise (the holder is another command, or serve
     * was killed).
     */
    public static Optional<String> url(Home home) {
        Path file = home.database().resolve(FILE_NAME);
        String[] fields;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            fields = Files.readString(file, StandardCharsets.US_ASCII).strip().split(" ");
        } catch (IOException goneOrUnreadable) {
            return Optional.empty();
        }
        if (fields.length != 3
                || !fields[0].matches("[0-9]{1,5}")
                || !fields[1].matches("[0-9a-f]{64}")
                || !fields[2].matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        boolean alive = ProcessHandle.of(Long.parseLong(fields[2]))
                .map(ProcessHandle::isAlive)
                .orElse(false);
        return alive ? Optional.of("jdbc:h2:tcp://127.0.0.1:" + fields[0] + "/" + fields[1]) : Optional.empty();
    }

    /**
     * Removes the announcement a killed serve left, once this process holds the database itself: no
     * serve can be serving it then.
     */
    public static void forgetLeftover(Home home) throws IOException {
        Files.deleteIfExists(home.database().resolve(FILE_NAME));
    }

    /** Stops taking connections (those open are closed), then removes the announcement. */
    @Override
    public void close() throws IOException {
        server.stop();
        Files.deleteIfExists(file);
    }
}
