package se.uppfoljningsliggaren.query;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a full replay's lane remembers between its batches of what it wrote, so that a projection need not look it up
 * in its table: the lane is one thread applying every event in store order into tables it emptied, and a failed
 * batch ends the lane, so what it remembers is what the tables hold. Most of what a replay writes is new (an utfall
 * per period, its audit row), and looking up each key only to find nothing was most of those look-ups' cost.
 */
public final class LaneMemory {

    /** A unit of work's resource, present in a full replay's lane. */
    public static final String RESOURCE = LaneMemory.class.getName();

    private final Map<Object, Of<?>> byKey = new HashMap<>();

    /** The lane's memory under {@code key}; null outside a replay's lane. */
    @SuppressWarnings("unchecked")
    public static <V> Of<V> of(Object key, int capacity) {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().root().resources().get(RESOURCE) instanceof LaneMemory memory)) {
            return null;
        }
        return (Of<V>) memory.byKey.computeIfAbsent(key, k -> new Of<V>(capacity));
    }

    /**
     * One projection's memory: the latest value written under each of its most recently used keys (at most
     * capacity), and a Bloom filter of every key written, which answers "never written" exactly and "written" with
     * about one false positive in 200 at a million keys (2 MiB). A projection reads from its table what it finds in
     * neither.
     */
    public static final class Of<V> {

        private static final int BITS = 1 << 24;
        private static final int HASHES = 3;

        private final BitSet written = new BitSet(BITS);
        private final Map<String, V> recent;

        Of(int capacity) {
            this.recent = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                    return size() > capacity;
                }
            };
        }

        /** Whether nothing was written under the key in this replay: then its table holds nothing under it. */
        public boolean neverWritten(String key) {
            long hash = hash(key);
            for (int i = 0; i < HASHES; i++) {
                if (!written.get(bit(hash, i))) {
                    return true;
                }
            }
            return false;
        }

        /** The latest value written under the key, if still remembered; else null (look in the table). */
        public V recent(String key) {
            return recent.get(key);
        }

        /**
         * Takes out of {@code toLookUp} every key this memory answers: one never written (its table holds nothing
         * under it), and one whose latest value it remembers, which goes into {@code known}. What is left is for the
         * table.
         */
        public void answer(Set<String> toLookUp, Map<String, V> known) {
            toLookUp.removeIf(key -> {
                if (neverWritten(key)) {
                    return true;
                }
                V value = recent(key);
                if (value != null) {
                    known.put(key, value);
                }
                return value != null;
            });
        }

        public void wrote(String key, V value) {
            long hash = hash(key);
            for (int i = 0; i < HASHES; i++) {
                written.set(bit(hash, i));
            }
            recent.put(key, value);
        }

        /** Double hashing (Kirsch–Mitzenmacher) from one 64-bit FNV-1a hash of the key. */
        private static int bit(long hash, int i) {
            int h1 = (int) hash;
            int h2 = (int) (hash >>> 32) | 1;
            return (h1 + i * h2) & (BITS - 1);
        }

        private static long hash(String key) {
            long hash = 0xcbf29ce484222325L;
            for (int i = 0; i < key.length(); i++) {
                hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
            }
            return hash;
        }
    }
}
