package org.smartphone.payroll.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The home's files are readable by no other account (docs/security.md): what the engine
 * creates gets folders 0750 and files 0640 ({@code payroll.file-mode} 0600: 0700 and 0600) and the
 * home folder's group, so that treasury staff in that group can read them and nobody else can.
 *
 * <p>Java cannot set the umask: a file is created with the mode (the umask can only take bits away)
 * and then set to it. Files the engine did not create get the mode when it takes them: an input moved
 * to archive/ or rejected/ keeps whatever mode it was dropped with otherwise, and H2 and logback
 * create theirs with the umask. A file is always created anew and exclusively, so that a link
 * planted at its name is removed, never followed (writing through it would overwrite its target).
 * On a file system without POSIX permissions, files are created the same way, without modes.
 *
 * <p>One setting per command, set by {@link #use} when the engine opens and reached through
 * {@link #current}, with no wiring (as {@code Progress}).
 */
public final class PrivateFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);

    /** Modes that {@code payroll.file-mode} accepts. */
    private static final String GROUP_READ = "0640";

    private static final String OWNER_ONLY = "0600";
    private static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");

    private static volatile PrivateFiles current = new PrivateFiles(
            GROUP_READ,
            null,
            Path.of("").getFileSystem().supportedFileAttributeViews().contains("posix"));

    private final Set<PosixFilePermission> fileMode;
    private final Set<PosixFilePermission> folderMode;
    /** The home folder's group, given to what the engine creates; null to leave the group as created. */
    private final GroupPrincipal group;

    private final boolean posix;

    private PrivateFiles(String mode, GroupPrincipal group, boolean posix) {
        this.fileMode = PosixFilePermissions.fromString(mode.equals(GROUP_READ) ? "rw-r-----" : "rw-------");
        this.folderMode = PosixFilePermissions.fromString(mode.equals(GROUP_READ) ? "rwxr-x---" : "rwx------");
        this.group = group;
        this.posix = posix;
    }

    /**
     * The files of the home {@code root} with the mode {@code setting} ({@code 0640} or {@code 0600});
     * creates the home folder when it is missing.
     *
     * @throws IllegalArgumentException for any other mode, before anything is created
     */
    public static PrivateFiles forHome(Path root, String setting) throws IOException {
        String mode = setting == null ? "" : setting.strip();
        if (!mode.equals(GROUP_READ) && !mode.equals(OWNER_ONLY)) {
            throw new IllegalArgumentException(
                    "payroll.file-mode must be " + GROUP_READ + " or " + OWNER_ONLY + ", not '" + setting + "'");
        }
        boolean posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
        new PrivateFiles(mode, null, posix).createFolders(root);
        GroupPrincipal group =
                posix ? Files.readAttributes(root, PosixFileAttributes.class).group() : null;
        return new PrivateFiles(mode, group, posix);
    }

    /** Sets the files of this command (Engine, when it opens). */
    public static void use(PrivateFiles files) {
        current = files;
    }

    public static PrivateFiles current() {
        return current;
    }

    /** Creates the folder and its missing parents with the folder mode; an existing folder is left as it is. */
    public void createFolders(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null) {
            createFolders(parent);
        }
        try {
            if (posix) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(folderMode));
                setModeAndGroup(folder, folderMode);
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder)) {
                throw e;
            }
        }
    }

    /**
     * Creates the file anew with the file mode and opens it for writing: whatever is at that name (a
     * file left by a crash, or a link, which is removed itself, never its target) is removed first,
     * and the file is created exclusively, so that the stream never writes through a link.
     */
    public OutputStream create(Path file) throws IOException {
        return create(file, fileMode);
    }

    /** {@link #create}, readable by the engine's account only (0600) whatever the setting: a secret. */
    public OutputStream createSecret(Path file) throws IOException {
        return create(file, SECRET);
    }

    /** Writes a small text file anew ({@link #create}), in UTF-8. */
    public void write(Path file, String text) throws IOException {
        try (OutputStream out = create(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private OutputStream create(Path file, Set<PosixFilePermission> mode) throws IOException {
        Files.deleteIfExists(file);
        // CREATE_NEW fails on any name taken, a link included (O_EXCL)
        Set<OpenOption> options =
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        if (!posix) {
            return Channels.newOutputStream(Files.newByteChannel(file, options));
        }
        OutputStream out = Channels.newOutputStream(
                Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(mode)));
        try {
            setModeAndGroup(file, mode);
            return out;
        } catch (IOException e) {
            out.close();
            throw e;
        }
    }

    /**
     * Gives a file the engine took from someone else (an input moved out of the inbox) the file mode
     * and the home's group. One the engine's account does not own (dropped by another account) cannot
     * be changed: it is left as it is, in a folder no other account can enter.
     */
    public void take(Path file) {
        if (!posix) {
            return;
        }
        try {
            PosixFileAttributeView view =
                    Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            PosixFileAttributes attributes = view.readAttributes();
            if (!attributes.isRegularFile()) {
                // a pipe or a link swapped in at the inbox name just before the move: changing its mode
                // through a descriptor would wait on the pipe, and a link's target is not ours
                LOG.warn("{} is not a regular file; its mode is left as it is", file);
                return;
            }
            // by name: the file now lies in a folder only the engine's account writes, so nothing can
            // be swapped in at that name any more
            if (!attributes.permissions().equals(fileMode)) {
                Files.setPosixFilePermissions(file, fileMode);
            }
            setGroup(view, attributes, file);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn(
                    "cannot give {} the mode of the home's files ({}); it stays as it was dropped", file, e.toString());
        }
    }

    /**
     * Takes away from an existing folder any permission the mode does not give (a folder made by an
     * earlier version was open to others). Nothing is given that was not there, and its group stays.
     */
    public void restrict(Path folder) throws IOException {
        if (posix && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            restrict(folder, false);
        }
    }

    /**
     * Takes away from each file and folder directly in {@code folder} any permission the mode does not
     * give, and gives it the home's group: what H2 and logback created there with the umask.
     */
    public void adopt(Path folder) {
        if (!posix || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // never fails a command: it runs in its start's and its end's finally blocks, where an exception
        // would replace the command's own outcome (a refusal, a completed run) by exit 1
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                try {
                    restrict(entry, true);
                } catch (IOException e) {
                    // a temporary file removed meanwhile, a file of another account
                    LOG.warn("cannot restrict {} to the mode of the home's files ({})", entry, e.toString());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot list {} to restrict its files ({})", folder, e.toString());
        }
    }

    private void restrict(Path path, boolean withGroup) throws IOException {
        PosixFileAttributeView view =
                Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributes attributes;
        try {
            attributes = view.readAttributes();
        } catch (NoSuchFileException gone) {
            return; // a temporary file H2 removed meanwhile
        }
        if (attributes.isSymbolicLink()) {
            return; // a link has no mode of its own; its target is not the home's to change
        }
        Set<PosixFilePermission> kept = EnumSet.noneOf(PosixFilePermission.class);
        kept.addAll(attributes.permissions());
        if (kept.retainAll(attributes.isDirectory() ? folderMode : fileMode)) {
            // by name (chmod), not through a file descriptor as the no-follow view does: H2 holds a
            // POSIX lock on its open database file, and closing any descriptor of that file in this
            // process would release it, letting another process open the database too
            Files.setPosixFilePermissions(path, kept);
        }
        if (withGroup) {
            setGroup(view, attributes, path);
        }
    }

    /** Links are never followed: a link swapped in at the name fails instead of changing its target. */
    private void setModeAndGroup(Path path, Set<PosixFilePermission> mode) throws IOException {
        PosixFileAttributeView view =
                Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributes attributes = view.readAttributes();
        if (!attributes.permissions().equals(mode)) {
            view.setPermissions(mode);
        }
        setGroup(view, attributes, path);
    }

    private void setGroup(PosixFileAttributeView view, PosixFileAttributes attributes, Path path) {
        if (group != null && !group.equals(attributes.group())) {
            try {
                view.setGroup(group);
            } catch (IOException notAMember) {
                // only a member of the home's group may give it; the file keeps the account's group
                LOG.debug("cannot give {} the group {}", path, group.getName(), notAMember);
            }
        }
    }
}
