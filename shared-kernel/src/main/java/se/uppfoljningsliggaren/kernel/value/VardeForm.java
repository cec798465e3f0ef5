package se.uppfoljningsliggaren.kernel.value;

public enum VardeForm {
    NUMBER, RANK, INTERVAL, RELATIVE, DIRECTION, THRESHOLD, CHANGE, BASELINE_CHANGE, NOT_DECIDED, MISSING, PROSE;

    /** Forms that are read from the written text; the others are kept verbatim. */
    public boolean isParsed() {
        return this != NOT_DECIDED && this != MISSING && this != PROSE;
    }
}
