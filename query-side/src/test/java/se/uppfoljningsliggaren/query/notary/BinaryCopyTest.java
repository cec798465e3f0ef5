package se.uppfoljningsliggaren.query.notary;

import org.junit.jupiter.api.Test;
import se.uppfoljningsliggaren.kernel.notary.MerkleTree;
import se.uppfoljningsliggaren.kernel.notary.StoredEvent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leaf hashed from the bytes of a binary COPY tuple is the leaf of the event's canonical bytes, with NULL fields,
 * non-ASCII text and a payload larger than the reading buffer, read in pieces as the driver may hand them over.
 */
class BinaryCopyTest {

    private static final List<StoredEvent> EVENTS = List.of(
            new StoredEvent(1, "e-1", "NOTA-2026", 0, "Plan", "2026-01-01T00:00:00Z",
                    "se.uppfoljningsliggaren.kernel.plan.PlanCreated", null, "{\"title\":\"Vård\"}".getBytes(
                    StandardCharsets.UTF_8), null),
            new StoredEvent(3, "e-3", "Nämnd-Ö", 7, null, "2026-02-01T00:00:00.123Z", "x", "2",
                    big(200_000), "{\"who\":\"åsa\"}".getBytes(StandardCharsets.UTF_8)));

    @Test
    void the_leaf_of_a_copied_tuple_is_the_leaf_of_the_canonical_bytes() throws IOException {
        byte[] hashes = new byte[3 * MerkleTree.HASH_BYTES];
        NotaryLeaves.BinaryCopy tuple = new NotaryLeaves.BinaryCopy(new Trickle(copyOf(EVENTS)));
        int tuples = 0;
        while (tuple.next()) {
            tuple.hashLeafInto(MerkleTree.sha256Digest(), hashes);
            tuples++;
        }
        assertThat(tuples).isEqualTo(2);
        assertThat(Arrays.copyOfRange(hashes, 0, 32)).isEqualTo(EVENTS.get(0).leafHash());
        assertThat(Arrays.copyOfRange(hashes, 32, 64)).as("no row for global index 2").isEqualTo(new byte[32]);
        assertThat(Arrays.copyOfRange(hashes, 64, 96)).isEqualTo(EVENTS.get(1).leafHash());
    }

    /** What PostgreSQL sends for COPY (SELECT the canonical columns …) TO STDOUT (FORMAT binary). */
    private static byte[] copyOf(List<StoredEvent> events) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeInt(0);
        out.writeInt(0);
        for (StoredEvent event : events) {
            out.writeShort(10);
            out.writeInt(8);
            out.writeLong(event.globalIndex());
            field(out, text(event.aggregateIdentifier()));
            out.writeInt(8);
            out.writeLong(event.sequenceNumber());
            field(out, text(event.payloadType()));
            field(out, text(event.payloadRevision()));
            field(out, event.payload());
            field(out, event.metaData());
            field(out, text(event.timeStamp()));
            field(out, text(event.eventIdentifier()));
            field(out, text(event.type()));
        }
        out.writeShort(-1);
        return bytes.toByteArray();
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value == null ? -1 : value.length);
        if (value != null) {
            out.write(value);
        }
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] big(int size) {
        byte[] payload = new byte[size];
        Arrays.fill(payload, (byte) 'a');
        return payload;
    }

    /** Hands the bytes over at most 7 at a time. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream in;

        Trickle(byte[] bytes) {
            in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, Math.min(length, 7));
        }
    }
}
