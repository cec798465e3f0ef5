package se.uppfoljningsliggaren.deploy.notary;

import com.fasterxml.jackson.databind.ObjectMapper;
import se.uppfoljningsliggaren.kernel.notary.Bundle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Verifies an audit export bundle (GET /api/notary/bundles) with no database and no service: the checkpoint's
 * Ed25519 signature (against --public-key when given, else the key in the bundle), each event's leaf recomputed
 * from its stored bytes, and each inclusion proof against the signed root ({@link Bundle#verify}). Exit code 0 when
 * everything holds, 1 when something does not, 2 for a usage error.
 *
 * <pre>
 * java -cp deploy/target/deploy-*.jar -Dloader.main=se.uppfoljningsliggaren.deploy.notary.VerifyBundle \
 *   org.springframework.boot.loader.launch.PropertiesLauncher --bundle bundle.json [--public-key BASE64]
 * </pre>
 */
public final class VerifyBundle {

    private VerifyBundle() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out));
    }

    /** Answers the exit code. */
    public static int run(List<String> args, PrintStream out) {
        Path file = null;
        String pinnedKey = null;
        for (int i = 0; i + 1 < args.size(); i += 2) {
            String value = args.get(i + 1);
            switch (args.get(i)) {
                case "--bundle" -> file = Path.of(value);
                case "--public-key" -> pinnedKey = value;
                default -> {
                    return usage(out, "unknown option " + args.get(i));
                }
            }
        }
        if (file == null || args.size() % 2 != 0) {
            return usage(out, "--bundle is required");
        }
        Bundle bundle;
        try {
            bundle = new ObjectMapper().readValue(file.toFile(), Bundle.class);
        } catch (IOException e) {
            out.println("cannot read the bundle: " + e.getMessage());
            return 1;
        }
        Bundle.Verification verification = bundle.verify(pinnedKey);
        out.println("checkpoint " + bundle.checkpoint().treeSize() + " (" + bundle.checkpoint().time() + "): "
                + (verification.signatureHolds() ? "signed by " : "NOT signed by ") + verification.signedBy()
                + (pinnedKey == null ? " (pin the published key with --public-key)" : ""));
        Bundle.Failure failure = verification.firstFailure();
        if (failure != null) {
            out.println("event at global index " + failure.globalIndex() + " (aggregate "
                    + failure.aggregateIdentifier() + ", sequence " + failure.sequenceNumber() + "): "
                    + failure.problem());
        } else if (verification.signatureHolds()) {
            out.println(bundle.events().size() + " events: each is in the signed tree as stored");
        }
        out.println(verification.ok() ? "OK" : "FAILED");
        return verification.ok() ? 0 : 1;
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("usage: VerifyBundle --bundle FILE [--public-key BASE64-X.509]");
        return 2;
    }
}
