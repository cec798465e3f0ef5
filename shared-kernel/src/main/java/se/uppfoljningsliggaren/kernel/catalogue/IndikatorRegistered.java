package se.uppfoljningsliggaren.kernel.catalogue;

/** An indikator entered the catalogue; its id stays the same across years, whatever its numbering in a plan. */
public record IndikatorRegistered(String indikatorId, String name, String unit, String description) {
}
