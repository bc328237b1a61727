package io.shebao.certificate;

import io.shebao.population.RowError;

/** Where a streamed certificate puts each person's bill and each roster row in error, as they are computed. */
public interface CertificateSink {
    void person(PersonBill bill);

    void error(RowError error);
}
