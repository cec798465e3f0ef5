package se.uppfoljningsliggaren.kernel.ik;

import se.uppfoljningsliggaren.kernel.ik.IkValues.KravBedomning;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import java.util.List;

/** @param namndCode null for regionstyrelsen's samlad bedömning for the region */
public record IskBedomningRecorded(String iskId, String namndCode, int year, boolean tillracklig,
                                   String motivation, List<KravBedomning> krav, Beslut revisionBeslut) {
}
