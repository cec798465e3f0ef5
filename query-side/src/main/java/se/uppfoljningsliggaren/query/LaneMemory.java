package se.uppfoljningsliggaren.query;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a full replay's lane remembers between its batches of what it wrote, so that a projection need not read it
 * back: the lane is one thread applying every event in store order into tables it emptied, and a failed batch ends
 * the lane, so what it remembers is what the tables hold. Bounded: the least recently used is forgotten first, and
 * a projection reads what it does not find here from its table, as it does outside a replay.
 */
public final class LaneMemory {

    /** A unit of work's resource, present in a full replay's lane. */
    public static final String RESOURCE = LaneMemory.class.getName();

    private final Map<Object, Map<String, ?>> byKey = new HashMap<>();

    /** The lane's memory under {@code key}, holding at most {@code capacity} entries; null outside a replay's lane. */
    @SuppressWarnings("unchecked")
    public static <V> Map<String, V> recent(Object key, int capacity) {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().root().resources().get(RESOURCE) instanceof LaneMemory memory)) {
            return null;
        }
        return (Map<String, V>) memory.byKey.computeIfAbsent(key, k -> new LinkedHashMap<String, V>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        });
    }
}
