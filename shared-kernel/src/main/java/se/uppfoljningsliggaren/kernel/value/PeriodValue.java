package se.uppfoljningsliggaren.kernel.value;

import java.util.Objects;

/** A value for a period: "82 % (utfall maj 2025)", or a prognos "83,5 mnkr (prognos 2025)". */
public record PeriodValue(Varde value, Period period, Basis basis) {

    public enum Basis { UTFALL, PROGNOS }

    public PeriodValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(period, "period");
        basis = basis == null ? Basis.UTFALL : basis;
    }
}
