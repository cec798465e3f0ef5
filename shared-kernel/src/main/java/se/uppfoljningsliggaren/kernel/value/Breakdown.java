package se.uppfoljningsliggaren.kernel.value;

/** One row of a styrtal broken down by age, scope, sex or kommun, each with its own values where printed. */
public record Breakdown(Dimension dimension, String label, PeriodValue senastKanda, Varde arsMalvarde,
                        Varde langsiktigtMalvarde) {

    public enum Dimension { SCOPE, AGE, SEX, KOMMUN }
}
