package se.uppfoljningsliggaren.kernel.notary;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tree against the Certificate Transparency test vectors (RFC 6962/9162), and the proofs' properties. */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> CT_LEAVES = hexes("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f").stream().map(MerkleTree::leafHash).toList();
    private static final List<String> CT_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void the_roots_are_those_of_the_ct_test_vectors() {
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(MerkleTree.root(MerkleTree.inMemory(CT_LEAVES), size))).as("size " + size)
                    .isEqualTo(CT_ROOTS.get(size));
        }
    }

    @Test
    void the_root_of_leaf_hashes_back_to_back_is_the_trees_at_every_size() {
        for (int size = 0; size <= 8; size++) {
            assertThat(HEX.formatHex(MerkleTree.root(flat(CT_LEAVES), size))).as("size " + size)
                    .isEqualTo(CT_ROOTS.get(size));
        }
        List<byte[]> leaves = leaves(70);
        for (int size = 0; size <= 70; size++) {
            assertThat(MerkleTree.root(flat(leaves), size)).as("size " + size)
                    .isEqualTo(MerkleTree.root(MerkleTree.inMemory(leaves), size));
        }
        assertThatThrownBy(() -> MerkleTree.root(flat(leaves), 71)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_proofs_are_those_of_the_ct_test_vectors() {
        MerkleTree.Subtrees ct = MerkleTree.inMemory(CT_LEAVES);
        assertThat(hex(MerkleTree.inclusionProof(ct, 0, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.inclusionProof(ct, 5, 8))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.consistencyProof(ct, 1, 8))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(MerkleTree.consistencyProof(ct, 6, 8))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(MerkleTree.consistencyProof(ct, 2, 5))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(MerkleTree.consistencyProof(ct, 8, 8)).isEmpty();
    }

    @Test
    void every_inclusion_proof_verifies_in_trees_of_1_to_20_and_a_changed_leaf_or_path_breaks_it() {
        List<byte[]> leaves = leaves(20);
        MerkleTree.Subtrees tree = MerkleTree.inMemory(leaves);
        for (int size = 1; size <= 20; size++) {
            byte[] root = MerkleTree.root(tree, size);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.inclusionProof(tree, index, size);
                assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), path, root))
                        .as(index + " in " + size).isTrue();
                assertThat(MerkleTree.verifyInclusion(index, size, MerkleTree.leafHash(new byte[]{9}), path, root))
                        .as("another leaf").isFalse();
                assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), path, MerkleTree.root(tree,
                        size == 1 ? 2 : size - 1))).as("another tree").isFalse();
                if (!path.isEmpty()) {
                    List<byte[]> changed = new ArrayList<>(path);
                    changed.set(0, leaves.get(index));
                    assertThat(MerkleTree.verifyInclusion(index, size, leaves.get(index), changed, root)).isFalse();
                }
            }
        }
    }

    @Test
    void every_consistency_proof_verifies_for_all_m_below_n_up_to_20_and_a_changed_leaf_breaks_it() {
        List<byte[]> leaves = leaves(20);
        MerkleTree.Subtrees tree = MerkleTree.inMemory(leaves);
        for (int second = 1; second <= 20; second++) {
            byte[] secondRoot = MerkleTree.root(tree, second);
            for (int first = 1; first <= second; first++) {
                byte[] firstRoot = MerkleTree.root(tree, first);
                List<byte[]> proof = MerkleTree.consistencyProof(tree, first, second);
                assertThat(MerkleTree.verifyConsistency(first, second, proof, firstRoot, secondRoot))
                        .as(first + " → " + second).isTrue();
                // The old tree with one leaf changed is not a prefix of the new one.
                List<byte[]> forged = new ArrayList<>(leaves);
                forged.set(first - 1, MerkleTree.leafHash(new byte[]{9}));
                byte[] forgedRoot = MerkleTree.root(MerkleTree.inMemory(forged), first);
                assertThat(MerkleTree.verifyConsistency(first, second, proof, forgedRoot, secondRoot))
                        .as("changed " + first + " → " + second).isFalse();
            }
        }
    }

    @Test
    void leaves_encode_every_column_unambiguously() {
        StoredEvent event = new StoredEvent(7, "e-1", "RS-2026", 3, "Plan", "2026-01-01T00:00:00Z",
                "se.x.PlanAdopted", null, new byte[]{'{', '}'}, null);
        StoredEvent shifted = new StoredEvent(7, "e-1", "RS-2026", 3, "Plan", "2026-01-01T00:00:00Z",
                "se.x.PlanAdopted", "", new byte[]{'{', '}'}, null);
        assertThat(event.leafHash()).isNotEqualTo(shifted.leafHash()).as("NULL is not empty");
        assertThat(event.leafHash()).isNotEqualTo(StoredEvent.neverCommittedLeafHash(7));
        assertThat(HEX.formatHex(StoredEvent.neverCommittedBytes(7))).isEqualTo("020000000000000007");
        assertThat(HEX.formatHex(event.canonicalBytes())).startsWith("01" + "0000000000000007" + "00000007"
                + HEX.formatHex("RS-2026".getBytes()) + "0000000000000003");
    }

    @Test
    void a_checkpoint_is_signed_over_its_text() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Checkpoint checkpoint = new Checkpoint(8, HEX.parseHex(CT_ROOTS.get(8)), "2026-05-04T09:30:00Z");
        assertThat(checkpoint.text()).isEqualTo(
                "uppfoljningsliggaren\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n2026-05-04T09:30:00Z\n");
        byte[] signature = checkpoint.sign(keys.getPrivate());
        byte[] publicKey = keys.getPublic().getEncoded();
        assertThat(checkpoint.verify(signature, publicKey)).isTrue();
        assertThat(new Checkpoint(9, checkpoint.rootHash(), checkpoint.time()).verify(signature, publicKey)).isFalse();
        assertThat(checkpoint.verify(signature, KeyPairGenerator.getInstance("Ed25519").generateKeyPair()
                .getPublic().getEncoded())).isFalse();
    }

    @Test
    void impossible_proofs_are_refused() {
        MerkleTree.Subtrees tree = MerkleTree.inMemory(leaves(4));
        assertThatThrownBy(() -> MerkleTree.inclusionProof(tree, 4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(tree, 0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(tree, 3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<byte[]> leaves(int count) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(MerkleTree.leafHash(new byte[]{(byte) i, (byte) (i * 7)}));
        }
        return leaves;
    }

    private static List<byte[]> hexes(String... values) {
        return List.of(values).stream().map(HEX::parseHex).toList();
    }

    private static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static byte[] flat(List<byte[]> hashes) {
        byte[] flat = new byte[hashes.size() * MerkleTree.HASH_BYTES];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, flat, i * MerkleTree.HASH_BYTES, MerkleTree.HASH_BYTES);
        }
        return flat;
    }
}
