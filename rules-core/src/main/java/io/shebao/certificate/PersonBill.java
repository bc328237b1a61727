package io.shebao.certificate;

import java.util.List;

/** 人员明细: one roster person's charged and refunded months (empty when nothing is charged). */
public record PersonBill(long row, String id, String name, List<PersonMonth> months) {
    public PersonBill {
        months = List.copyOf(months);
    }
}
