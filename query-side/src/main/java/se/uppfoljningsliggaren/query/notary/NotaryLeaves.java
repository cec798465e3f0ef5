package se.uppfoljningsliggaren.query.notary;

import se.uppfoljningsliggaren.kernel.notary.MerkleTree;
import se.uppfoljningsliggaren.kernel.notary.StoredEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The leaves of the notary's tree, as the event store gives them and as the notary sealed them, and where they
 * first differ. Plain JDBC, no Spring: the verification tool (deploy, VerifyLedger) uses it against a database
 * directly. Reads stream (fetch size) when the connection is not in auto-commit.
 */
public final class NotaryLeaves {

    public static final String EVENT_COLUMNS = "global_index, event_identifier, aggregate_identifier, "
            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data";

    private static final int FETCH_SIZE = 1000;

    private NotaryLeaves() {
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
     * notary's leaves end before the tree does.
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

    /** The leaves the store gives for global indexes 1..size: an absent index is one never committed. */
    public static List<Leaf> fromStore(Connection connection, long size) throws SQLException {
        List<Leaf> leaves = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + EVENT_COLUMNS
                + " FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index")) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, size);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    StoredEvent event = event(rs);
                    while (leaves.size() + 1 < event.globalIndex()) {
                        leaves.add(Leaf.neverCommitted(leaves.size() + 1));
                    }
                    leaves.add(Leaf.of(event));
                }
            }
        }
        while (leaves.size() < size) {
            leaves.add(Leaf.neverCommitted(leaves.size() + 1));
        }
        return leaves;
    }

    /** The notary's sealed leaves for global indexes 1..size (fewer if fewer are sealed). */
    public static List<Leaf> sealed(Connection connection, long size) throws SQLException {
        List<Leaf> leaves = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT global_index, aggregate_identifier, sequence_number, leaf_hash FROM notary_leaf
                WHERE global_index <= ? ORDER BY global_index""")) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setLong(1, size);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    long sequence = rs.getLong("sequence_number");
                    leaves.add(new Leaf(rs.getLong("global_index"), rs.getString("aggregate_identifier"),
                            rs.wasNull() ? null : sequence, rs.getBytes("leaf_hash")));
                }
            }
        }
        return leaves;
    }

    public static byte[] root(List<Leaf> leaves, long size) {
        return MerkleTree.root(MerkleTree.inMemory(leaves.stream().map(Leaf::hash).toList()), size);
    }

    /** Compares leaf by leaf, from the first global index, both lists of a tree of store.size() leaves. */
    public static Optional<Difference> firstDifference(List<Leaf> sealed, List<Leaf> store) {
        for (int i = 0; i < store.size(); i++) {
            Leaf stored = store.get(i);
            if (i >= sealed.size() || sealed.get(i).globalIndex() != stored.globalIndex()) {
                return Optional.of(new Difference("NOT_SEALED", stored.globalIndex(), stored.aggregateIdentifier(),
                        stored.sequenceNumber(), "the notary holds no leaf for global index " + stored.globalIndex()));
            }
            Leaf seal = sealed.get(i);
            if (Arrays.equals(seal.hash(), stored.hash())) {
                continue;
            }
            if (seal.isEvent() && !stored.isEvent()) {
                return Optional.of(new Difference("MISSING", seal.globalIndex(), seal.aggregateIdentifier(),
                        seal.sequenceNumber(), "the event sealed at global index " + seal.globalIndex() + " ("
                        + seal.describe() + ") is not in the store"));
            }
            if (!seal.isEvent()) {
                return Optional.of(new Difference("COMMITTED_LATE", stored.globalIndex(),
                        stored.aggregateIdentifier(), stored.sequenceNumber(), "global index "
                        + stored.globalIndex() + " was sealed as never committed; the store now holds "
                        + stored.describe()));
            }
            if (!seal.aggregateIdentifier().equals(stored.aggregateIdentifier())
                    || !seal.sequenceNumber().equals(stored.sequenceNumber())) {
                return Optional.of(new Difference("OUT_OF_ORDER", stored.globalIndex(),
                        stored.aggregateIdentifier(), stored.sequenceNumber(), "global index "
                        + stored.globalIndex() + " holds " + stored.describe() + "; " + seal.describe()
                        + " was sealed there"));
            }
            return Optional.of(new Difference("CHANGED", stored.globalIndex(), stored.aggregateIdentifier(),
                    stored.sequenceNumber(), "the stored event " + stored.describe() + " at global index "
                    + stored.globalIndex() + " differs from what was sealed"));
        }
        return Optional.empty();
    }
}
