package io.shebao.parameter;

import java.time.YearMonth;
import java.util.Optional;

/** The outcome of looking a parameter up for a region and month. */
public sealed interface Resolution {
    /** A value in force for the month. */
    record Known(ParameterValue value) implements Resolution {
    }

    /**
     * No value is in force for the month.
     *
     * @param lastBefore the value in force in the latest earlier month that had one (top layer winning), in the
     *                   most specific region that has one, which a caller may carry forward if (and only if)
     *                   it says so
     */
    record Unknown(String id, String key, String region, YearMonth period, Optional<ParameterValue> lastBefore)
            implements Resolution {
    }
}
