package se.uppfoljningsliggaren.deploy.notary;

import com.fasterxml.jackson.databind.JsonNode;
import se.uppfoljningsliggaren.kernel.notary.Bundle;
import se.uppfoljningsliggaren.query.notary.BundleSeal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Verifies an audit export bundle (GET /api/notary/bundles) with no database and no service: the checkpoint's
 * Ed25519 signature (against --public-key when given, else the key in the bundle), each event's leaf recomputed
 * from its stored bytes, each inclusion proof against the signed root ({@link Bundle#verify}), and the bundle's seal
 * by the same key over everything else in it ({@link BundleSeal}). Exit code 0 when everything holds, 1 when
 * something does not, 2 for a usage error.
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
        if (pinnedKey != null && !isBase64(pinnedKey)) {
            return usage(out, "--public-key is not base64");
        }
        JsonNode sealed;
        Bundle bundle;
        try {
            sealed = BundleSeal.read(Files.readAllBytes(file));
            bundle = BundleSeal.as(sealed, Bundle.class);
            if (bundle.checkpoint() == null || bundle.events() == null) {
                throw new IllegalArgumentException("it has no checkpoint or no events");
            }
        } catch (IOException | IllegalArgumentException e) {
            out.println("cannot read the bundle: " + e.getMessage());
            out.println("FAILED");
            return 1;
        }
        Bundle.Verification verification;
        try {
            verification = bundle.verify(pinnedKey);
        } catch (RuntimeException malformed) {
            out.println("cannot verify the bundle: " + malformed);
            out.println("FAILED");
            return 1;
        }
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
        boolean sealHolds = verification.signatureHolds() && BundleSeal.holds(sealed,
                Base64.getDecoder().decode(pinnedKey != null ? pinnedKey : bundle.checkpoint().publicKey()));
        out.println(sealHolds ? "seal: holds, by the same key: nothing in the bundle was changed after its export"
                : "seal: does NOT hold: the bundle was changed after its export (its views, audit entries or what "
                + "was asked), or another key sealed it");
        boolean ok = verification.ok() && sealHolds;
        out.println(ok ? "OK" : "FAILED");
        return ok ? 0 : 1;
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("usage: VerifyBundle --bundle FILE [--public-key BASE64-X.509]");
        return 2;
    }
}
