package se.uppfoljningsliggaren.query.ik;

import se.uppfoljningsliggaren.kernel.ik.IkViews.Bedomning;
import se.uppfoljningsliggaren.kernel.value.Beslut;

import java.util.ArrayList;
import java.util.List;

/** The stored read-model document of one ISK-bedömning: every bedömning recorded, the last one current. */
class IskDocument {

    String iskId;
    String namndCode;
    int year;
    Beslut adoptedBy;
    List<Bedomning> bedomningar = new ArrayList<>();

    Bedomning current() {
        return bedomningar.get(bedomningar.size() - 1);
    }
}
