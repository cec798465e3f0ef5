package se.uppfoljningsliggaren.kernel.notary;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One row of domain_event_entry, every column as stored, and its leaf in the notary's Merkle tree.
 *
 * <p>Canonical bytes of an event (big-endian; a field is a 4-byte length, -1 for NULL, then its bytes, text in
 * UTF-8): kind 0x01, global_index (8 bytes), aggregate_identifier, sequence_number (8 bytes), payload_type,
 * payload_revision, payload, meta_data, time_stamp, event_identifier, type. A global index that never committed is
 * kind 0x02 and the global_index (8 bytes). The leaf hash is SHA-256(0x00 || canonical bytes).
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                          String type, String timeStamp, String payloadType, String payloadRevision, byte[] payload,
                          byte[] metaData) {

    private static final byte EVENT = 0x01;
    private static final byte NEVER_COMMITTED = 0x02;

    public byte[] canonicalBytes() {
        return encode(out -> {
            out.writeByte(EVENT);
            out.writeLong(globalIndex);
            field(out, text(aggregateIdentifier));
            out.writeLong(sequenceNumber);
            field(out, text(payloadType));
            field(out, text(payloadRevision));
            field(out, payload);
            field(out, metaData);
            field(out, text(timeStamp));
            field(out, text(eventIdentifier));
            field(out, text(type));
        });
    }

    public byte[] leafHash() {
        return MerkleTree.leafHash(canonicalBytes());
    }

    /** The canonical bytes standing for a global index no event was ever committed under. */
    public static byte[] neverCommittedBytes(long globalIndex) {
        return encode(out -> {
            out.writeByte(NEVER_COMMITTED);
            out.writeLong(globalIndex);
        });
    }

    public static byte[] neverCommittedLeafHash(long globalIndex) {
        return MerkleTree.leafHash(neverCommittedBytes(globalIndex));
    }

    private interface Encoder {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] encode(Encoder encoder) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            encoder.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return bytes.toByteArray();
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
        } else {
            out.writeInt(value.length);
            out.write(value);
        }
    }
}
