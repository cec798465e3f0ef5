package se.uppfoljningsliggaren.query.notary;

import org.axonframework.common.DateTimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.uppfoljningsliggaren.kernel.followup.OccasionAdopted;
import se.uppfoljningsliggaren.kernel.ik.IkPlanAdopted;
import se.uppfoljningsliggaren.kernel.ik.IskBedomningAdopted;
import se.uppfoljningsliggaren.kernel.notary.Bundle;
import se.uppfoljningsliggaren.kernel.notary.Checkpoint;
import se.uppfoljningsliggaren.kernel.notary.MerkleTree;
import se.uppfoljningsliggaren.kernel.notary.SignedCheckpoint;
import se.uppfoljningsliggaren.kernel.notary.StoredEvent;
import se.uppfoljningsliggaren.kernel.plan.PlanAdopted;
import se.uppfoljningsliggaren.kernel.value.InputPolicy;
import se.uppfoljningsliggaren.query.notary.NotaryLeaves.Difference;
import se.uppfoljningsliggaren.query.notary.NotaryLeaves.Leaf;
import se.uppfoljningsliggaren.query.notary.NotaryLeaves.LeafHashes;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Seals the event store into a Merkle tree (RFC 9162), leaf by leaf in global_index order, and signs checkpoints
 * of it. Only a gap-free prefix is sealed: a missing global index may be a transaction still in flight, so it is
 * waited for, and sealed as never committed once it has been missing for {@code ledger.notary.gap-timeout}
 * (longer than the event store's own gap timeout, after which Axon has given the index up too). Several query
 * processes may run it: a PostgreSQL advisory lock lets one seal at a time.
 */
@Component
public class Notary {

    private static final Logger log = LoggerFactory.getLogger(Notary.class);
    /** pg_advisory_xact_lock key of the sealing transaction ("notary" in ASCII). */
    private static final long LOCK = 0x6e6f74617279L;
    private static final int BATCH = 2000;
    /** After sealing a fastställande, a checkpoint is made at once, so the decision is vouched for. */
    private static final Set<String> ADOPTIONS = Set.of(PlanAdopted.class.getName(), OccasionAdopted.class.getName(),
            IkPlanAdopted.class.getName(), IskBedomningAdopted.class.getName());

    private static final String CHECKPOINT_SELECT = "SELECT tree_size, root_hash, checkpoint_time, signature, "
            + "public_key, reason FROM notary_checkpoint";
    private static final RowMapper<SignedCheckpoint> CHECKPOINT = (rs, row) -> new SignedCheckpoint(
            rs.getLong("tree_size"), base64(rs.getBytes("root_hash")), rs.getString("checkpoint_time"),
            base64(rs.getBytes("signature")), base64(rs.getBytes("public_key")), rs.getString("reason"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate snapshot;
    private final NotaryKey key;
    private final Duration gapTimeout;
    private final MerkleTree.Subtrees stored;
    /** The run of missing global indexes the notary waits for, and since when (its own clock); guarded by this. */
    private Gap waiting;

    private record Gap(long from, long to, Instant since) {
    }

    private record Batch(boolean full, boolean adoption) {
    }

    /** Checkpoints, latest first; {@code next} is the {@code before} of the next page, null on the last. */
    public record CheckpointPage(List<SignedCheckpoint> checkpoints, Long next) {
    }

    /** RFC 9162 §2.1.3: the leaf of a global index (leaf index = global index − 1) and its audit path. */
    public record InclusionProof(long position, long leafIndex, long treeSize, String leafHash, List<String> auditPath,
                                 String rootHash) {
    }

    /** RFC 9162 §2.1.4: the proof that the tree of size first is a prefix of the tree of size second. */
    public record ConsistencyProof(long first, long second, List<String> proof, String firstRootHash,
                                   String secondRootHash) {
    }

    /**
     * ok: every sealed leaf is what the store holds now, and the latest checkpoint's signature (by the notary's
     * key) and root hold for the store. firstDifference names the first event that differs, is missing or out of
     * order.
     */
    public record VerifyReport(boolean ok, long sealedLeaves, Long checkpointTreeSize, Boolean signatureValid,
                               Boolean rootMatches, Difference firstDifference) {
    }

    Notary(JdbcTemplate jdbc, PlatformTransactionManager transactions, NotaryKey key,
           @Value("${ledger.notary.gap-timeout:15m}") Duration gapTimeout) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // verification reads with several connections: they share this transaction's snapshot
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.key = key;
        this.gapTimeout = gapTimeout;
        this.stored = (level, index) -> level == 0
                ? jdbc.queryForObject("SELECT leaf_hash FROM notary_leaf WHERE global_index = ?", byte[].class,
                index + 1)
                : jdbc.queryForObject("SELECT hash FROM notary_node WHERE level = ? AND node_index = ?", byte[].class,
                level, index);
    }

    @Scheduled(fixedDelayString = "${ledger.notary.seal-interval:5s}",
            initialDelayString = "${ledger.notary.seal-interval:5s}")
    void scheduledSeal() {
        if (seal()) {
            sign("ADOPTION");
        }
    }

    @Scheduled(fixedDelayString = "${ledger.notary.checkpoint-interval:1h}",
            initialDelayString = "${ledger.notary.checkpoint-interval:1h}")
    void scheduledCheckpoint() {
        seal();
        sign("SCHEDULED");
    }

    /** Seals what can be sealed and signs a checkpoint of it (the latest again if nothing was added since). */
    public SignedCheckpoint checkpointNow() {
        seal();
        return sign("ON_DEMAND");
    }

    /** Seals the gap-free prefix of the store; answers whether a fastställande was among the sealed events. */
    synchronized boolean seal() {
        boolean adoption = false;
        Batch batch;
        do {
            batch = transaction.execute(status -> sealBatch());
            adoption |= batch.adoption();
        } while (batch.full());
        return adoption;
    }

    private Batch sealBatch() {
        jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, LOCK);
        long next = sealedSize() + 1;
        List<StoredEvent> events = jdbc.query("SELECT " + NotaryLeaves.EVENT_COLUMNS
                        + " FROM domain_event_entry WHERE global_index >= ? ORDER BY global_index LIMIT ?",
                (rs, row) -> NotaryLeaves.event(rs), next, BATCH);
        List<Leaf> leaves = new ArrayList<>();
        boolean adoption = false;
        boolean full = events.size() == BATCH;
        for (StoredEvent event : events) {
            if (event.globalIndex() > next) {
                long until = neverCommittedUntil(next, event.globalIndex() - 1);
                for (long index = next; index <= until; index++) {
                    leaves.add(Leaf.neverCommitted(index));
                }
                if (until < event.globalIndex() - 1) {
                    full = false;
                    break;
                }
            }
            leaves.add(Leaf.of(event));
            adoption |= ADOPTIONS.contains(event.payloadType());
            next = event.globalIndex() + 1;
        }
        append(leaves);
        return new Batch(full, adoption);
    }

    /**
     * The missing indexes from..to (a committed event follows them) are waited for; answers the last one to seal
     * as never committed now (from − 1: none yet). An index is sealed so once it has been seen missing for the
     * gap timeout; only those seen missing since then count, so one that was present in between is waited for
     * afresh.
     */
    private long neverCommittedUntil(long from, long to) {
        Instant now = Instant.now();
        if (waiting == null || waiting.from() != from) {
            waiting = new Gap(from, to, now);
        }
        if (Duration.between(waiting.since(), now).compareTo(gapTimeout) < 0) {
            return from - 1;
        }
        long until = Math.min(to, waiting.to());
        log.warn("Global indexes {}–{} have been missing for {} and are sealed as never committed", from, until,
                gapTimeout);
        waiting = null;
        return until;
    }

    private record Node(int level, long index) {
    }

    /**
     * Appends the leaves (consecutive, from the next global index), and the perfect subtree each right child
     * completes (one node per leaf on average); a left sibling made in the same batch is taken from memory. Two
     * batched inserts.
     */
    private void append(List<Leaf> leaves) {
        Map<Node, byte[]> leftChildren = new HashMap<>();
        List<Object[]> nodes = new ArrayList<>();
        for (Leaf leaf : leaves) {
            long index = leaf.globalIndex() - 1;
            byte[] hash = leaf.hash();
            int level = 0;
            while (index % 2 == 1) {
                byte[] left = leftChildren.remove(new Node(level, index - 1));
                hash = MerkleTree.nodeHash(left != null ? left : stored.hash(level, index - 1), hash);
                level++;
                index /= 2;
                nodes.add(new Object[]{level, index, hash});
            }
            leftChildren.put(new Node(level, index), hash);
        }
        jdbc.batchUpdate("INSERT INTO notary_leaf (global_index, kind, aggregate_identifier, sequence_number, "
                + "leaf_hash) VALUES (?, ?, ?, ?, ?)", leaves.stream().map(leaf -> new Object[]{leaf.globalIndex(),
                leaf.isEvent() ? "EVENT" : "NEVER_COMMITTED", leaf.aggregateIdentifier(), leaf.sequenceNumber(),
                leaf.hash()}).toList());
        jdbc.batchUpdate("INSERT INTO notary_node (level, node_index, hash) VALUES (?, ?, ?)", nodes);
    }

    private SignedCheckpoint sign(String reason) {
        return transaction.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?)::text", String.class, LOCK);
            long size = sealedSize();
            SignedCheckpoint latest = latest();
            if (latest != null && latest.treeSize() == size) {
                return latest;
            }
            Checkpoint checkpoint = new Checkpoint(size, MerkleTree.root(stored, size),
                    // to the clock's precision, as events are stamped: an event of the tree is never later than it
                    Instant.now().toString());
            jdbc.update("INSERT INTO notary_checkpoint (tree_size, root_hash, checkpoint_time, signature, public_key, "
                            + "reason) VALUES (?, ?, ?, ?, ?, ?)", size, checkpoint.rootHash(), checkpoint.time(),
                    checkpoint.sign(key.privateKey()), key.publicKey(), reason);
            log.info("Notary checkpoint {} ({}): root {}", size, reason, base64(checkpoint.rootHash()));
            return latest();
        });
    }

    public CheckpointPage checkpoints(Long before, int limit) {
        if (before != null && before < 1) {
            throw new InputPolicy.InvalidInputException("before", "is a tree size to page below: 1 or more");
        }
        List<SignedCheckpoint> rows = jdbc.query(CHECKPOINT_SELECT + " WHERE tree_size < ? ORDER BY tree_size DESC "
                + "LIMIT ?", CHECKPOINT, before == null ? Long.MAX_VALUE : before, limit + 1);
        if (rows.size() <= limit) {
            return new CheckpointPage(rows, null);
        }
        List<SignedCheckpoint> page = List.copyOf(rows.subList(0, limit));
        return new CheckpointPage(page, page.get(limit - 1).treeSize());
    }

    public SignedCheckpoint checkpoint(long treeSize) {
        if (treeSize < 0) {
            throw new InputPolicy.InvalidInputException("treeSize", "is a tree size: 0 or more");
        }
        return jdbc.query(CHECKPOINT_SELECT + " WHERE tree_size = ?", CHECKPOINT, treeSize).stream().findFirst()
                .orElse(null);
    }

    public InclusionProof inclusion(long position, long treeSize) {
        return readOnly.execute(status -> {
            requireSealed("treeSize", treeSize);
            if (position < 1 || position > treeSize) {
                throw new InputPolicy.InvalidInputException("position", "must be a global index 1–" + treeSize);
            }
            return new InclusionProof(position, position - 1, treeSize, base64(stored.hash(0, position - 1)),
                    base64(MerkleTree.inclusionProof(stored, position - 1, treeSize)),
                    base64(MerkleTree.root(stored, treeSize)));
        });
    }

    public ConsistencyProof consistency(long first, long second) {
        return readOnly.execute(status -> {
            requireSealed("second", second);
            if (first < 1 || first > second) {
                throw new InputPolicy.InvalidInputException("first", "must be 1–" + second);
            }
            return new ConsistencyProof(first, second, base64(MerkleTree.consistencyProof(stored, first, second)),
                    base64(MerkleTree.root(stored, first)), base64(MerkleTree.root(stored, second)));
        });
    }

    /** A stored event outside a tree: its position and its time. */
    public record Unsealed(long position, Instant time) {
    }

    /**
     * The first stored event the tree of {@code treeSize} does not prove that is stamped at or before the instant, if
     * any: a view as of that instant shows it. Such an event committed after the tree was sealed: under an index
     * the tree sealed as never committed (verification names it too), or beyond the tree. The scan beyond, in store
     * order, ends at the first event stamped later than the instant plus the gap timeout: an event inserted (its
     * index taken) within the gap timeout of being stamped lies before that one. A unit of work that held its
     * events longer before inserting them is not caught here; sealing waits the same gap timeout for an index.
     * Times are compared as the views compare them: to the microsecond ({@link #microsecond}).
     */
    public Optional<Unsealed> firstUnsealedBy(long treeSize, Instant asOf) {
        Instant instant = microsecond(asOf);
        Optional<Unsealed> underNeverCommitted = jdbc.query("""
                SELECT e.global_index, e.time_stamp FROM notary_leaf l
                JOIN domain_event_entry e ON e.global_index = l.global_index
                WHERE l.kind = 'NEVER_COMMITTED' AND l.global_index <= ? ORDER BY e.global_index""",
                (rs, row) -> new Unsealed(rs.getLong(1), DateTimeUtils.parseInstant(rs.getString(2))), treeSize)
                .stream().filter(event -> !microsecond(event.time()).isAfter(instant)).findFirst();
        if (underNeverCommitted.isPresent()) {
            return underNeverCommitted;
        }
        Instant beyond = instant.plus(gapTimeout);
        for (long after = treeSize; ; ) {
            List<Unsealed> page = jdbc.query("SELECT global_index, time_stamp FROM domain_event_entry "
                            + "WHERE global_index > ? ORDER BY global_index LIMIT 500",
                    (rs, row) -> new Unsealed(rs.getLong(1), DateTimeUtils.parseInstant(rs.getString(2))), after);
            for (Unsealed event : page) {
                if (!microsecond(event.time()).isAfter(instant)) {
                    return Optional.of(event);
                }
                if (event.time().isAfter(beyond)) {
                    return Optional.empty();
                }
            }
            if (page.size() < 500) {
                return Optional.empty();
            }
            after = page.get(page.size() - 1).position();
        }
    }

    /**
     * An instant as a read table holds it and a view compares it: PostgreSQL keeps microseconds, rounding the rest
     * (the clock and an asked asOf may give nanoseconds).
     */
    public static Instant microsecond(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The stored events of the given global indexes, each with its inclusion proof against the checkpoint, in
     * global_index order. Proofs come from the sealed tree; an index the store no longer holds is left out (the
     * store was tampered with: verification names it).
     */
    public List<Bundle.Event> proven(SignedCheckpoint checkpoint, List<Long> globalIndexes) {
        return readOnly.execute(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT " + NotaryLeaves.EVENT_COLUMNS
                    + " FROM domain_event_entry WHERE global_index = ANY (?) ORDER BY global_index");
            statement.setArray(1, connection.createArrayOf("bigint", globalIndexes.toArray()));
            return statement;
        }, (rs, row) -> {
            StoredEvent event = NotaryLeaves.event(rs);
            return new Bundle.Event(event, MerkleTree.inclusionProof(stored, event.globalIndex() - 1,
                    checkpoint.treeSize()));
        }));
    }

    /**
     * Recomputes every sealed leaf from the store as it is now, in one snapshot read side by side over several
     * connections; holds the store's and the sealed leaf hashes in memory (64 bytes a leaf).
     */
    public VerifyReport verify() {
        return snapshot.execute(status -> jdbc.execute((ConnectionCallback<VerifyReport>) connection -> {
            long size = sealedSize();
            NotaryLeaves.Connections connections = jdbc.getDataSource()::getConnection;
            LeafHashes store = NotaryLeaves.fromStore(connection, connections, size);
            Difference difference = NotaryLeaves.firstDifference(connection,
                    NotaryLeaves.sealed(connection, connections, size), store, size).orElse(null);
            SignedCheckpoint latest = latest();
            if (latest == null) {
                return new VerifyReport(difference == null, size, null, null, null, difference);
            }
            Checkpoint checkpoint = latest.checkpoint();
            boolean signatureValid = checkpoint.verify(Base64.getDecoder().decode(latest.signature()),
                    key.publicKey());
            boolean rootMatches = Arrays.equals(store.root(latest.treeSize()), checkpoint.rootHash());
            return new VerifyReport(difference == null && signatureValid && rootMatches, size, latest.treeSize(),
                    signatureValid, rootMatches, difference);
        }));
    }

    private void requireSealed(String field, long treeSize) {
        long sealed = sealedSize();
        if (treeSize < 1 || treeSize > sealed) {
            throw new InputPolicy.InvalidInputException(field, "must be a tree size 1–" + sealed
                    + " (the leaves sealed so far)");
        }
    }

    private long sealedSize() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM notary_leaf", Long.class);
    }

    private SignedCheckpoint latest() {
        return jdbc.query(CHECKPOINT_SELECT + " ORDER BY tree_size DESC LIMIT 1", CHECKPOINT).stream().findFirst()
                .orElse(null);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(Notary::base64).toList();
    }
}
