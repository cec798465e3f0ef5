package se.uppfoljningsliggaren.kernel.value;

/** The direction a styrtal should move in: "ska öka", "ska minska", "bibehålla". */
public enum Direction { OKA, MINSKA, BIBEHALLA }
