package se.uppfoljningsliggaren.kernel.ik;

import se.uppfoljningsliggaren.kernel.value.Beslut;

public record IskBedomningAdopted(String iskId, Beslut beslut) {
}
