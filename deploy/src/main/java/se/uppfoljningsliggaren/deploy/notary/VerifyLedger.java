package se.uppfoljningsliggaren.deploy.notary;

import com.fasterxml.jackson.databind.ObjectMapper;
import se.uppfoljningsliggaren.kernel.notary.Checkpoint;
import se.uppfoljningsliggaren.kernel.notary.SignedCheckpoint;
import se.uppfoljningsliggaren.query.notary.NotaryLeaves;
import se.uppfoljningsliggaren.query.notary.NotaryLeaves.Connections;
import se.uppfoljningsliggaren.query.notary.NotaryLeaves.LeafHashes;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Verifies the event store against exported checkpoints, trusting neither the service nor the notary's tables:
 * each checkpoint's Ed25519 signature is checked (against --public-key when given, else the key in the file), the
 * tree is recomputed from domain_event_entry and each root compared. When a root differs, the notary's sealed
 * leaves are used to name the first differing event, but only if they reproduce the signed root. Exit code 0 when
 * everything holds, 1 when something does not, 2 for a usage error.
 *
 * <pre>
 * java -cp deploy/target/deploy-*.jar -Dloader.main=se.uppfoljningsliggaren.deploy.notary.VerifyLedger \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --jdbc-url jdbc:postgresql://db:5432/ledger --user ledger --checkpoint checkpoint.json [--public-key BASE64]
 * </pre>
 * The password is read from the environment variable PGPASSWORD.
 */
public final class VerifyLedger {

    private VerifyLedger() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv("PGPASSWORD"), System.out));
    }

    /** Answers the exit code. */
    public static int run(List<String> args, String password, PrintStream out) {
        String url = null;
        String user = null;
        String pinnedKey = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--jdbc-url" -> url = value;
                case "--user" -> user = value;
                case "--public-key" -> pinnedKey = value;
                case "--checkpoint" -> files.add(Path.of(value));
                default -> {
                    return usage(out, "unknown option " + args.get(i));
                }
            }
        }
        if (url == null || files.isEmpty() || args.size() % 2 != 0) {
            return usage(out, "--jdbc-url and at least one --checkpoint are required");
        }
        try {
            List<SignedCheckpoint> checkpoints = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            for (Path file : files) {
                checkpoints.add(json.readValue(file.toFile(), SignedCheckpoint.class));
            }
            checkpoints.sort(Comparator.comparingLong(SignedCheckpoint::treeSize));
            String jdbcUrl = url;
            String jdbcUser = user;
            Connections connections = () -> DriverManager.getConnection(jdbcUrl, jdbcUser, password);
            try (Connection connection = connections.open()) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
                return verify(connection, connections, checkpoints, pinnedKey, out) ? 0 : 1;
            }
        } catch (IOException | SQLException e) {
            out.println("cannot verify: " + e.getMessage());
            return 1;
        }
    }

    private static boolean verify(Connection connection, Connections connections, List<SignedCheckpoint> checkpoints,
                                  String pinnedKey, PrintStream out) throws SQLException {
        boolean ok = true;
        long largest = checkpoints.get(checkpoints.size() - 1).treeSize();
        LeafHashes store = NotaryLeaves.fromStore(connection, connections, largest);
        if (store.duplicate() != null) {
            // one of the two rows makes the leaf, so the roots alone may not show it
            out.println("DUPLICATE at global index " + store.duplicate() + ": the store holds more than one event "
                    + "under it");
            ok = false;
        }
        long lastMatching = 0;
        SignedCheckpoint firstBroken = null;
        for (SignedCheckpoint view : checkpoints) {
            Checkpoint checkpoint = view.checkpoint();
            if (pinnedKey != null && !pinnedKey.equals(view.publicKey())) {
                out.println("checkpoint " + view.treeSize() + ": signed by another key than --public-key");
                ok = false;
            } else if (!view.signedBy(view.publicKey())) {
                out.println("checkpoint " + view.treeSize() + ": the signature does not hold");
                ok = false;
            } else if (Arrays.equals(store.root(view.treeSize()), checkpoint.rootHash())) {
                out.println("checkpoint " + view.treeSize() + " (" + view.time() + "): the store matches its root");
                if (firstBroken == null) {
                    lastMatching = view.treeSize();
                }
            } else {
                out.println("checkpoint " + view.treeSize() + " (" + view.time() + "): the store does NOT match "
                        + "its root");
                ok = false;
                if (firstBroken == null) {
                    firstBroken = view;
                }
            }
        }
        if (firstBroken != null) {
            out.println(locate(connection, connections, store, firstBroken, lastMatching));
        }
        out.println(ok ? "OK" : "FAILED");
        return ok;
    }

    /** Names the first differing event from the notary's leaves, once they are shown to be the signed ones. */
    private static String locate(Connection connection, Connections connections, LeafHashes store,
                                 SignedCheckpoint broken, long lastMatching) throws SQLException {
        String range = "the first difference lies in global indexes " + (lastMatching + 1) + "–" + broken.treeSize();
        if (!hasNotaryLeaves(connection)) {
            return range + " (no notary_leaf table to name the event)";
        }
        LeafHashes sealed = NotaryLeaves.sealed(connection, connections, broken.treeSize());
        if (!Arrays.equals(sealed.root(broken.treeSize()), broken.checkpoint().rootHash())) {
            return range + " (the notary's leaves do not reproduce the signed root either)";
        }
        return NotaryLeaves.firstDifference(connection, sealed, store, broken.treeSize())
                .map(d -> d.problem() + " at global index " + d.globalIndex() + " (aggregate "
                        + d.aggregateIdentifier() + ", sequence " + d.sequenceNumber() + "): " + d.detail())
                .orElse(range);
    }

    private static boolean hasNotaryLeaves(Connection connection) throws SQLException {
        try (var statement = connection.prepareStatement("SELECT to_regclass('notary_leaf') IS NOT NULL");
             var rs = statement.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("usage: VerifyLedger --jdbc-url URL [--user USER] --checkpoint FILE [--checkpoint FILE …] "
                + "[--public-key BASE64-X.509]   (password: PGPASSWORD)");
        return 2;
    }
}
