package se.uppfoljningsliggaren.kernel.notary;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 §2.1 (Certificate Transparency v2) with SHA-256: leaf hash SHA-256(0x00 || leaf),
 * interior node SHA-256(0x01 || left || right), a tree of n leaves split at the largest power of two smaller than
 * n. Roots and proofs are computed from the hashes of perfect subtrees ({@link Subtrees}), so a store that keeps
 * them (the notary's tables) answers in O(log² n) look-ups, and a list of leaf hashes in memory serves tests and
 * the verification tool.
 */
public final class MerkleTree {

    public static final int HASH_BYTES = 32;

    private MerkleTree() {
    }

    /**
     * The hash of the perfect subtree of 2^level leaves starting at leaf index × 2^level (level 0: the leaf hash).
     * Only subtrees wholly inside the tree are asked for.
     */
    @FunctionalInterface
    public interface Subtrees {
        byte[] hash(int level, long index);
    }

    public static byte[] leafHash(byte[] leaf) {
        return sha256(new byte[]{0x00}, leaf);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        return sha256(new byte[]{0x01}, left, right);
    }

    /** The subtrees of leaf hashes held in memory: each subtree is hashed from its leaves when asked for. */
    public static Subtrees inMemory(List<byte[]> leafHashes) {
        return new Subtrees() {
            @Override
            public byte[] hash(int level, long index) {
                return level == 0 ? leafHashes.get(Math.toIntExact(index))
                        : nodeHash(hash(level - 1, 2 * index), hash(level - 1, 2 * index + 1));
            }
        };
    }

    /** MTH(D[0:size]); the empty tree's root is SHA-256 of nothing. */
    public static byte[] root(Subtrees subtrees, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is 0 or more");
        }
        return size == 0 ? sha256() : range(subtrees, 0, size);
    }

    /**
     * MTH(D[0:size]) of the leaf hashes held back to back in one array (32 bytes each), computed level by level
     * with one digest: each level pairs its nodes and carries an odd last one up unchanged, which builds the same
     * tree as RFC 9162's split at the largest power of two. For verification of the whole log: no object per leaf.
     */
    public static byte[] root(byte[] leafHashes, long size) {
        if (size < 0 || size * HASH_BYTES > leafHashes.length) {
            throw new IllegalArgumentException("a tree size is 0 to the leaves given");
        }
        if (size == 0) {
            return sha256();
        }
        MessageDigest digest = sha256Digest();
        int nodes = Math.toIntExact(size);
        byte[] level = leafHashes;
        byte[] next = new byte[(nodes + 1) / 2 * HASH_BYTES];
        while (nodes > 1) {
            for (int i = 0; i + 1 < nodes; i += 2) {
                digest.update((byte) 0x01);
                digest.update(level, i * HASH_BYTES, 2 * HASH_BYTES);
                try {
                    digest.digest(next, i / 2 * HASH_BYTES, HASH_BYTES);
                } catch (DigestException e) {
                    throw new IllegalStateException("a SHA-256 digest fits its 32 bytes", e);
                }
            }
            if (nodes % 2 == 1) {
                System.arraycopy(level, (nodes - 1) * HASH_BYTES, next, nodes / 2 * HASH_BYTES, HASH_BYTES);
            }
            nodes = (nodes + 1) / 2;
            level = next;
        }
        return Arrays.copyOf(level, HASH_BYTES);
    }

    /** PATH(index, D[0:size]) of RFC 9162 §2.1.3.1: the audit path of one leaf, nearest sibling first. */
    public static List<byte[]> inclusionProof(Subtrees subtrees, long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> siblings = new ArrayList<>();
        long start = 0;
        long end = size;
        while (end - start > 1) {
            long k = split(end - start);
            if (index < start + k) {
                siblings.add(range(subtrees, start + k, end));
                end = start + k;
            } else {
                siblings.add(range(subtrees, start, start + k));
                start = start + k;
            }
        }
        // Found from the root down; the proof lists them from the leaf up.
        Collections.reverse(siblings);
        return siblings;
    }

    /** PROOF(first, D[0:second]) of RFC 9162 §2.1.4.1; empty when first == second. */
    public static List<byte[]> consistencyProof(Subtrees subtrees, long first, long second) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("a consistency proof needs 0 < first <= second");
        }
        List<byte[]> proof = new ArrayList<>();
        long m = first;
        long start = 0;
        long end = second;
        boolean whole = true; // SUBPROOF's b: the subtree is the old tree itself, whose root the verifier has
        while (m != end - start) {
            long k = split(end - start);
            if (m <= k) {
                proof.add(range(subtrees, start + k, end));
                end = start + k;
            } else {
                proof.add(range(subtrees, start, start + k));
                m -= k;
                start = start + k;
                whole = false;
            }
        }
        if (!whole) {
            proof.add(range(subtrees, start, end));
        }
        // Found from the root down; SUBPROOF lists the deepest first.
        Collections.reverse(proof);
        return proof;
    }

    /** RFC 9162 §2.1.3.2. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 §2.1.4.2. */
    public static boolean verifyConsistency(long first, long second, List<byte[]> proof, byte[] firstRoot,
                                            byte[] secondRoot) {
        if (first < 1 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot);
        }
        if (path.isEmpty()) {
            return false;
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }

    /**
     * MTH(D[start:end]). Every range the recursion of RFC 9162 reaches starts at a multiple of its split, so a
     * range whose size is a power of two is a perfect subtree the store has.
     */
    private static byte[] range(Subtrees subtrees, long start, long end) {
        long size = end - start;
        if (Long.bitCount(size) == 1) {
            int level = Long.numberOfTrailingZeros(size);
            return subtrees.hash(level, start >> level);
        }
        long k = split(size);
        return nodeHash(range(subtrees, start, start + k), range(subtrees, start + k, end));
    }

    /** The largest power of two smaller than size (size > 1). */
    private static long split(long size) {
        return Long.highestOneBit(size - 1);
    }

    private static byte[] sha256(byte[]... parts) {
        MessageDigest digest = sha256Digest();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
