package io.shebao.trace;

import io.shebao.parameter.ParameterOrigin;
import io.shebao.parameter.ParameterValue;
import io.shebao.parameter.Provenance;
import io.shebao.parameter.Unit;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Equal trace entries are one shared instance; different ones stay apart. */
class TraceInterningTest {
    @Test
    void equalFiringsShareOneInstance() {
        RuleFiring a = new RuleFiring("C-UNE-01", "unemployment", "失业保险条例 第六条", "seed 004").interned();
        RuleFiring b = new RuleFiring("C-UNE-01", "unemployment", "失业保险条例 第六条", "seed 004").interned();
        RuleFiring c = new RuleFiring("C-UNE-02", "unemployment", "失业保险条例 第六条", "seed 004").interned();
        assertSame(a, b);
        assertNotSame(a, c);
    }

    @Test
    void usesOfOneValueShareOneInstanceAndCarriedForwardIsKeptApart() {
        ParameterValue v = new ParameterValue("unemployment.employer_rate", "hubei", "", LocalDate.of(2016, 5, 1),
                Optional.of(LocalDate.of(2024, 12, 31)), "0.007", Unit.RATE, "test", Provenance.SEED,
                new ParameterOrigin("bundled", "rates.yaml", 7));
        ParameterUse first = ParameterUse.of(v, false);
        assertSame(first, ParameterUse.of(v, false));
        ParameterUse carried = ParameterUse.of(v, true);
        assertNotSame(first, carried);
        assertEquals(true, carried.carriedForward());
    }
}
