package se.uppfoljningsliggaren.query.notary;

import se.uppfoljningsliggaren.kernel.notary.MerkleTree;
import se.uppfoljningsliggaren.kernel.notary.StoredEvent;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The leaves of the notary's tree, as the event store gives them and as the notary sealed them, and where they
 * first differ. Plain JDBC, no Spring: the verification tool (deploy, VerifyLedger) uses it against a database
 * directly.
 *
 * <p>The whole log is read with {@code COPY … TO STDOUT (FORMAT binary)} by {@link #PARALLELISM} connections, each
 * scanning its share of the table's pages (a TID range scan) in one exported snapshot, and every leaf is hashed
 * straight from the copied bytes: a binary COPY tuple holds each field as its 4-byte length (-1 for NULL) and its
 * bytes, bigints as 8 bytes big-endian and text in the client encoding (UTF-8), which is the layout of the
 * canonical bytes ({@link StoredEvent}) but for the lengths before the two bigints. The hashes are kept back to
 * back, 32 bytes a leaf, and nothing else per event.
 */
public final class NotaryLeaves {

    public static final String EVENT_COLUMNS = "global_index, event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data";
    /** The columns in the order of the canonical bytes. */
    private static final String CANONICAL_COLUMNS = "global_index, aggregate_identifier, sequence_number, "
            + "payload_type, payload_revision, payload, meta_data, time_stamp, event_identifier, type";
    /** Connections (and threads) reading the store side by side: two keep both cores of the host busy. */
    public static final int PARALLELISM = 2;
    private static final int HASH = MerkleTree.HASH_BYTES;
    private static final byte[] NO_HASH = new byte[HASH];

    private NotaryLeaves() {
    }

    /** Opens a further connection to the database being verified (closed by the caller). */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    /**
     * The leaf hashes of global indexes 1..size back to back; as sealed, an index without a leaf is all zeros (no
     * SHA-256 is). duplicate: the first global index the store holds twice (only if its primary key was dropped),
     * else null.
     */
    public record LeafHashes(byte[] hashes, long size, Long duplicate) {

        public byte[] root(long treeSize) {
            return MerkleTree.root(hashes, treeSize);
        }

        boolean absent(int leafIndex) {
            return absent(hashes, leafIndex);
        }

        private static boolean absent(byte[] hashes, int leafIndex) {
            return Arrays.equals(hashes, leafIndex * HASH, leafIndex * HASH + HASH, NO_HASH, 0, HASH);
        }
    }

    /** One leaf: an event (aggregate and sequence) or a global index never committed (both null). */
    public record Leaf(long globalIndex, String aggregateIdentifier, Long sequenceNumber, byte[] hash) {

        public static Leaf of(StoredEvent event) {
            return new Leaf(event.globalIndex(), event.aggregateIdentifier(), event.sequenceNumber(),
                    event.leafHash());
        }

        public static Leaf neverCommitted(long globalIndex) {
            return new Leaf(globalIndex, null, null, StoredEvent.neverCommittedLeafHash(globalIndex));
        }

        public boolean isEvent() {
            return aggregateIdentifier != null;
        }

        String describe() {
            return isEvent() ? aggregateIdentifier + " #" + sequenceNumber : "no event (never committed)";
        }
    }

    /**
     * The first place where the store and the sealed leaves disagree. CHANGED: the event sealed there is stored
     * with other content; MISSING: the event sealed there is gone; OUT_OF_ORDER: another event is stored under
     * the index; COMMITTED_LATE: an event is stored under an index sealed as never committed; NOT_SEALED: the
     * notary's leaves end before the tree does; DUPLICATE: the store holds two events under one index.
     */
    public record Difference(String problem, long globalIndex, String aggregateIdentifier, Long sequenceNumber,
                             String detail) {
    }

    public static StoredEvent event(ResultSet rs) throws SQLException {
        return new StoredEvent(rs.getLong("global_index"), rs.getString("event_identifier"),
                rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
                rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("payload_revision"),
                rs.getBytes("payload"), rs.getBytes("meta_data"));
    }

    /**
     * The leaf hashes the store gives for global indexes 1..size: an absent index is one never committed. The
     * owner's transaction (REPEATABLE READ) exports the snapshot every connection reads.
     */
    public static LeafHashes fromStore(Connection owner, Connections connections, long size) throws SQLException {
        byte[] hashes = new byte[Math.toIntExact(Math.multiplyExact(size, HASH))];
        long rows = scan(owner, connections, "domain_event_entry", CANONICAL_COLUMNS, size, () -> {
            MessageDigest digest = MerkleTree.sha256Digest();
            return tuple -> tuple.hashLeafInto(digest, hashes);
        });
        long present = size;
        for (int i = 0; i < size; i++) {
            if (LeafHashes.absent(hashes, i)) {
                System.arraycopy(StoredEvent.neverCommittedLeafHash(i + 1L), 0, hashes, i * HASH, HASH);
                present--;
            }
        }
        return new LeafHashes(hashes, size, rows == present ? null : firstDuplicate(owner, size));
    }

    /** The notary's sealed leaf hashes for global indexes 1..size, all zeros where it holds none. */
    public static LeafHashes sealed(Connection owner, Connections connections, long size) throws SQLException {
        byte[] hashes = new byte[Math.toIntExact(Math.multiplyExact(size, HASH))];
        scan(owner, connections, "notary_leaf", "global_index, leaf_hash", size,
                () -> tuple -> tuple.copyHashInto(hashes));
        return new LeafHashes(hashes, size, null);
    }

    /**
     * Compares leaf by leaf, from the first global index, the first size leaves of both; the event named is read
     * from the owner's snapshot.
     */
    public static Optional<Difference> firstDifference(Connection owner, LeafHashes sealed, LeafHashes store,
                                                       long size) throws SQLException {
        int bytes = Math.toIntExact(size * HASH);
        int mismatch = Arrays.mismatch(sealed.hashes(), 0, bytes, store.hashes(), 0, bytes);
        long first = mismatch < 0 ? size + 1 : mismatch / HASH + 1L;
        if (store.duplicate() != null && store.duplicate() <= Math.min(first, size)) {
            Leaf stored = storeLeaf(owner, store.duplicate());
            return Optional.of(new Difference("DUPLICATE", stored.globalIndex(), stored.aggregateIdentifier(),
                    stored.sequenceNumber(), "the store holds more than one event under global index "
                    + stored.globalIndex()));
        }
        if (first > size) {
            return Optional.empty();
        }
        Leaf stored = storeLeaf(owner, first);
        if (sealed.absent(Math.toIntExact(first - 1))) {
            return Optional.of(new Difference("NOT_SEALED", stored.globalIndex(), stored.aggregateIdentifier(),
                    stored.sequenceNumber(), "the notary holds no leaf for global index " + stored.globalIndex()));
        }
        return Optional.of(difference(sealedLeaf(owner, first), stored));
    }

    /** How the sealed leaf and the stored one of one global index, whose hashes differ, differ. */
    private static Difference difference(Leaf seal, Leaf stored) {
        if (seal.isEvent() && !stored.isEvent()) {
            return new Difference("MISSING", seal.globalIndex(), seal.aggregateIdentifier(), seal.sequenceNumber(),
                    "the event sealed at global index " + seal.globalIndex() + " (" + seal.describe()
                    + ") is not in the store");
        }
        if (!seal.isEvent()) {
            return new Difference("COMMITTED_LATE", stored.globalIndex(), stored.aggregateIdentifier(),
                    stored.sequenceNumber(), "global index " + stored.globalIndex() + " was sealed as never "
                    + "committed; the store now holds " + stored.describe());
        }
        if (!seal.aggregateIdentifier().equals(stored.aggregateIdentifier())
                || !seal.sequenceNumber().equals(stored.sequenceNumber())) {
            return new Difference("OUT_OF_ORDER", stored.globalIndex(), stored.aggregateIdentifier(),
                    stored.sequenceNumber(), "global index " + stored.globalIndex() + " holds " + stored.describe()
                    + "; " + seal.describe() + " was sealed there");
        }
        return new Difference("CHANGED", stored.globalIndex(), stored.aggregateIdentifier(), stored.sequenceNumber(),
                "the stored event " + stored.describe() + " at global index " + stored.globalIndex()
                + " differs from what was sealed");
    }

    private static Leaf storeLeaf(Connection connection, long globalIndex) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + EVENT_COLUMNS
                + " FROM domain_event_entry WHERE global_index = ?")) {
            statement.setLong(1, globalIndex);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Leaf.of(event(rs)) : Leaf.neverCommitted(globalIndex);
            }
        }
    }

    private static Leaf sealedLeaf(Connection connection, long globalIndex) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT aggregate_identifier, "
                + "sequence_number, leaf_hash FROM notary_leaf WHERE global_index = ?")) {
            statement.setLong(1, globalIndex);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                long sequence = rs.getLong("sequence_number");
                return new Leaf(globalIndex, rs.getString("aggregate_identifier"), rs.wasNull() ? null : sequence,
                        rs.getBytes("leaf_hash"));
            }
        }
    }

    private static long firstDuplicate(Connection connection, long size) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT global_index FROM domain_event_entry "
                + "WHERE global_index <= ? GROUP BY global_index HAVING count(*) > 1 ORDER BY 1 LIMIT 1")) {
            statement.setLong(1, size);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** What one connection does with each tuple it copies. */
    private interface TupleHandler {
        void handle(BinaryCopy tuple);
    }

    /**
     * Copies the rows of global indexes 1..size of a table, in binary, over {@link #PARALLELISM} connections,
     * each a share of the table's pages in the owner's snapshot, a handler per connection (each in its own
     * thread). Answers the number of rows copied.
     */
    private static long scan(Connection owner, Connections connections, String table, String columns, long size,
                             Supplier<TupleHandler> handlers) throws SQLException {
        String snapshot;
        long pages;
        try (Statement statement = owner.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_export_snapshot(), pg_relation_size('" + table
                     + "') / current_setting('block_size')::bigint")) {
            rs.next();
            snapshot = rs.getString(1);
            pages = rs.getLong(2);
        }
        ExecutorService threads = Executors.newFixedThreadPool(PARALLELISM);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (int part = 0; part < PARALLELISM; part++) {
                // TID range: pages [from, to) of the heap; the last part takes whatever lies beyond
                String range = "ctid >= '(" + pages * part / PARALLELISM + ",0)'" + (part + 1 < PARALLELISM
                        ? " AND ctid < '(" + pages * (part + 1) / PARALLELISM + ",0)'" : "");
                String copy = "COPY (SELECT " + columns + " FROM " + table + " WHERE " + range
                        + " AND global_index BETWEEN 1 AND " + size + ") TO STDOUT (FORMAT binary)";
                parts.add(threads.submit(() -> copy(connections, snapshot, copy, handlers.get())));
            }
            long rows = 0;
            for (Future<Long> part : parts) {
                rows += part.get();
            }
            return rows;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("reading " + table + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + table, e);
        } finally {
            threads.shutdownNow();
        }
    }

    private static long copy(Connections connections, String snapshot, String copy, TupleHandler handler)
            throws SQLException, IOException {
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
            }
            long rows = 0;
            try (InputStream in = new PGCopyInputStream(connection.unwrap(PGConnection.class), copy)) {
                BinaryCopy tuple = new BinaryCopy(in);
                while (tuple.next()) {
                    handler.handle(tuple);
                    rows++;
                }
            }
            connection.commit();
            return rows;
        }
    }

    /**
     * The tuples of a {@code COPY … TO STDOUT (FORMAT binary)}, each read whole into one buffer, its fields
     * located in place (no copy, no object per field).
     */
    static final class BinaryCopy {

        private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
        private static final int MAX_FIELDS = 16;

        private final InputStream in;
        private byte[] buffer = new byte[1 << 16];
        private int position;
        private int limit;
        private int fields;
        /** Where each field's data starts in the buffer and its length (-1: NULL). */
        private final int[] start = new int[MAX_FIELDS];
        private final int[] length = new int[MAX_FIELDS];

        BinaryCopy(InputStream in) throws IOException {
            this.in = in;
            require(SIGNATURE.length + 8);
            if (!Arrays.equals(buffer, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
                throw new IOException("not a binary COPY");
            }
            int extension = intAt(SIGNATURE.length + 4);
            require(SIGNATURE.length + 8 + extension);
            position = SIGNATURE.length + 8 + extension;
        }

        /** Reads the next tuple; false at the end. */
        boolean next() throws IOException {
            require(2);
            fields = (short) (((buffer[position] & 0xff) << 8) | (buffer[position + 1] & 0xff));
            if (fields == -1) {
                return false;
            }
            if (fields < 0 || fields > MAX_FIELDS) {
                throw new IOException("a tuple of " + fields + " fields");
            }
            int offset = 2;
            for (int f = 0; f < fields; f++) {
                require(offset + 4);
                int size = intAt(position + offset);
                require(offset + 4 + Math.max(size, 0));
                start[f] = offset + 4;
                length[f] = size;
                offset += 4 + Math.max(size, 0);
            }
            for (int f = 0; f < fields; f++) {
                start[f] += position;
            }
            position += offset;
            return true;
        }

        long bigint(int field) throws IOException {
            if (length[field] != 8) {
                throw new IOException("field " + field + " is not a bigint");
            }
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (buffer[start[field] + i] & 0xff);
            }
            return value;
        }

        /**
         * SHA-256(0x00 || canonical bytes) of a tuple of {@link #CANONICAL_COLUMNS}, into the leaf's place: the
         * bigints without their length, every other field as copied (lengths included), the last seven in one run.
         */
        void hashLeafInto(MessageDigest digest, byte[] hashes) {
            try {
                long globalIndex = bigint(0);
                bigint(2);
                digest.update((byte) 0x00);
                digest.update((byte) 0x01);
                digest.update(buffer, start[0], 8);
                digest.update(buffer, start[1] - 4, 4 + Math.max(length[1], 0));
                digest.update(buffer, start[2], 8);
                int rest = start[3] - 4;
                digest.update(buffer, rest, start[9] + Math.max(length[9], 0) - rest);
                digest.digest(hashes, Math.toIntExact((globalIndex - 1) * HASH), HASH);
            } catch (IOException | DigestException e) {
                throw new IllegalStateException("an event row is not as the canonical bytes expect", e);
            }
        }

        /** The leaf_hash of a tuple (global_index, leaf_hash), into its leaf's place. */
        void copyHashInto(byte[] hashes) {
            try {
                if (length[1] != HASH) {
                    throw new IOException("a leaf hash of " + length[1] + " bytes");
                }
                System.arraycopy(buffer, start[1], hashes, Math.toIntExact((bigint(0) - 1) * HASH), HASH);
            } catch (IOException e) {
                throw new IllegalStateException("a sealed leaf is not a leaf", e);
            }
        }

        private int intAt(int at) {
            return ((buffer[at] & 0xff) << 24) | ((buffer[at + 1] & 0xff) << 16) | ((buffer[at + 2] & 0xff) << 8)
                    | (buffer[at + 3] & 0xff);
        }

        /** At least count bytes from position in the buffer (moved to its start, grown if need be). */
        private void require(int count) throws IOException {
            if (limit - position >= count) {
                return;
            }
            if (count > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(count, 2 * buffer.length));
            }
            if (position + count > buffer.length) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            while (limit - position < count) {
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    throw new IOException("the COPY ended inside a tuple");
                }
                limit += read;
            }
        }
    }
}
