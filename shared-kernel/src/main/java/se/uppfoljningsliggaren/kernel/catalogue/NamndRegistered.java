package se.uppfoljningsliggaren.kernel.catalogue;

/** A nämnd was registered as reference data. */
public record NamndRegistered(String code, String name, String forvaltning) {
}
