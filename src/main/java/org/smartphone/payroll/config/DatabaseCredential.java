package org.smartphone.payroll.config;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.UUID;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;
import org.smartphone.payroll.failure.RefusedException;
import org.smartphone.payroll.files.PrivateFiles;

/**
 * The embedded H2 database's own password (docs/security.md), instead of H2's well-known
 * {@code sa} with an empty password: 32 random bytes in hex, generated at the first start and kept in
 * {@code db/credential}, readable by the engine's account only (0600), beside the database it opens
 * (a copy of {@code db/} keeps working).
 *
 * <p>A database made by an earlier version ({@code sa} with an empty password) is given the password
 * at the first start with this version. The credential file is written first (whole, or not at all),
 * then the password is set: a start that finds the database refusing the file's password (a crash
 * came between the two) connects with the empty one and finishes the change.
 */
public final class DatabaseCredential {

    /** The embedded database's administrator: H2 makes the first user that connects one. */
    public static final String USER = "sa";

    private static final String FILE_NAME = "credential";
    private static final int BYTES = 32;

    private final Path file;
    private final String password;

    private DatabaseCredential(Path file, String password) {
        this.file = file;
        this.password = password;
    }

    /** The password of the home's embedded database (for tools and tests that open it themselves). */
    public static String password(Home home) throws IOException {
        return Files.readString(home.database().resolve(FILE_NAME), StandardCharsets.US_ASCII)
                .strip();
    }

    /** The credential of the home's embedded database, generated when there is none yet. */
    public static DatabaseCredential of(Home home, PrivateFiles files) throws IOException {
        Path file = home.database().resolve(FILE_NAME);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            create(file, files);
        }
        return new DatabaseCredential(file, password(home));
    }

    public String password() {
        return password;
    }

    /**
     * Connects to the embedded database at {@code url} with this credential, giving it to a database
     * that an earlier version left with an empty password. The caller keeps the connection open while
     * the engine opens its pool, so that the database is opened once.
     *
     * @throws SQLException as H2 reports it, for instance a database held by another process
     */
    public Connection connect(String url) throws SQLException {
        try {
            return connection(url, password);
        } catch (SQLException refused) {
            if (refused.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw refused;
            }
            Connection earlier;
            try {
                earlier = connection(url, "");
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
                    throw e;
                }
                // refused by the state of the home, not a failure a rerun mends (SPEC 6: exit 3)
                throw new RefusedException("The embedded database refuses the password kept in " + file
                        + " (was that file replaced or removed?). Put back the one saved with this database"
                        + " (back up db/credential with db/).");
            }
            try (Statement statement = earlier.createStatement()) {
                // hex digits only: nothing to escape
                statement.execute("ALTER USER " + USER + " SET PASSWORD '" + password + "'");
            } catch (SQLException e) {
                earlier.close();
                throw e;
            }
            return earlier;
        }
    }

    private static Connection connection(String url, String password) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser(USER);
        dataSource.setPassword(password);
        return dataSource.getConnection();
    }

    /**
     * Writes a new credential aside, flushed, and links it to its name, which fails when a file (or a
     * link) is there already: two first starts at once keep one credential, the first one's.
     */
    private static void create(Path file, PrivateFiles files) throws IOException {
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        Path aside = file.resolveSibling("." + FILE_NAME + "-" + UUID.randomUUID() + ".tmp");
        try {
            try (OutputStream out = files.createSecret(aside)) {
                out.write((HexFormat.of().formatHex(secret) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            try (FileChannel channel = FileChannel.open(aside, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                channel.force(true);
            }
            try {
                Files.createLink(file, aside);
            } catch (UnsupportedOperationException noLinks) {
                Files.move(aside, file); // fails, as the link does, when the name is taken
            }
        } catch (FileAlreadyExistsException anotherStartWasFirst) {
            // its credential is the one kept
        } finally {
            Files.deleteIfExists(aside);
        }
        try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException notSupported) {
            // the folder's entry list cannot be flushed on this file system: the link stays in the page cache
        }
    }
}
