package se.uppfoljningsliggaren.deploy;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes one service the only owner of a PostgreSQL data directory, for as long as it runs: an OS lock on
 * {@code <data-dir>.lock} beside the directory (outside it, so initdb still finds a new directory empty and
 * PostgreSQL's own files are left alone). The OS drops the lock when the process ends, even when it is killed, so a
 * free lock with a server still running means that server was left behind by a dead service.
 */
final class DataDirectoryLock implements Closeable {

    /** For a throw-away database in a fresh directory of its own: nothing is shared, so nothing is locked. */
    static final DataDirectoryLock NONE = new DataDirectoryLock(null, null, null);

    // Lock files held by this JVM. On Linux, closing any channel on a file drops every lock this process holds on
    // it, so a second attempt in the same JVM (tests start several services in one) must not even open the file.
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final Path lockFile;
    private final FileChannel channel;

    private DataDirectoryLock(Path directory, Path lockFile, FileChannel channel) {
        this.directory = directory;
        this.lockFile = lockFile;
        this.channel = channel;
    }

    /** Takes the lock, or refuses at once, touching nothing, when another service owns the directory. */
    static DataDirectoryLock acquire(Path dataDirectory) throws IOException {
        Files.createDirectories(dataDirectory);
        // The real path, so two spellings (or a symlink) of one directory share one lock file.
        Path directory = dataDirectory.toRealPath();
        Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
        if (!HELD_IN_THIS_JVM.add(lockFile)) {
            throw ownedByAnother(directory, lockFile);
        }
        try {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw ownedByAnother(directory, lockFile);
            }
            return new DataDirectoryLock(directory, lockFile, channel);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_JVM.remove(lockFile);
            throw e;
        }
    }

    private static IllegalStateException ownedByAnother(Path directory, Path lockFile) {
        return new IllegalStateException("The PostgreSQL data directory " + directory + " is owned by another "
                + "running service (it holds " + lockFile + "); stop that service first, or give this one its own "
                + "ledger.embedded-postgres.data-directory");
    }

    /** The locked data directory (its real path); null for {@link #NONE}. */
    Path directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        if (channel == null) {
            return;
        }
        // Closing the channel releases the lock. The lock file itself stays: deleting it could let a service that
        // has it open hold a lock on a file no one else sees.
        try {
            channel.close();
        } finally {
            HELD_IN_THIS_JVM.remove(lockFile);
        }
    }
}
