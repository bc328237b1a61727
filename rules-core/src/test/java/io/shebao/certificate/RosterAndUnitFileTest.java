package io.shebao.certificate;

import io.shebao.ShebaoException;
import io.shebao.contribution.Insurance;
import io.shebao.contribution.UnitKind;
import io.shebao.population.PopulationReader;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roster and unit files: every row is a person or an error naming the column; the unit file is strict. */
class RosterAndUnitFileTest {
    private static List<RosterRow> read(String csv) throws Exception {
        try (RosterReader r = RosterReader.of(PopulationReader.open(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), PopulationReader.Format.CSV))) {
            List<RosterRow> out = new ArrayList<>();
            r.forEachRemaining(out::add);
            return out;
        }
    }

    @Test
    void everyRowIsAPersonOrAnErrorWithItsRowNumber() throws Exception {
        List<RosterRow> rows = read("""
                not_billable,start,id,base,paid_through,stop,paid_elsewhere,extra
                ,2015-03-01,A,9000,2021-10,,no,ignored
                retired,2015-03-01,B,9000,,,,
                ,2015-03-01,C,9000,2021-13,,,
                ,2015-03-01,D,9000,,2014-01-01,,
                ,2015-03-01,E,9000.123,,,,
                ,2015-03-01,F,90000000,,,,
                ,2015-03-01,A,9000,,,,
                ,2015-03-01,G,9000,,,maybe,
                sick,2015-03-01,H,9000,,,,
                """);
        assertEquals(9, rows.size());
        RosterEntry a = rows.get(0).entry();
        assertEquals(new RosterEntry(1, "A", "", Optional.empty(), Optional.of(new BigDecimal("9000")), LocalDate.of(2015, 3, 1),
                Optional.empty(), Optional.of(YearMonth.of(2021, 10)), false, ""), a);
        assertEquals("retired", rows.get(1).entry().notBillable());
        String[] fields = {null, null, "paid_through", "stop", "base", "base", "id", "paid_elsewhere", "not_billable"};
        for (int i = 2; i < rows.size(); i++) {
            assertNull(rows.get(i).entry());
            assertNotNull(rows.get(i).error());
            assertEquals(i + 1, rows.get(i).error().row());
            assertEquals(fields[i], rows.get(i).error().field(), rows.get(i).error().reason());
        }
        assertTrue(rows.get(6).error().reason().contains("row 1"), "a repeated id names the first row");
    }

    @Test
    void aRosterWithoutTheNeededColumnsCannotBeRead() {
        ShebaoException e = assertThrows(ShebaoException.class, () -> read("id,wage\nA,5000\n"));
        assertTrue(e.getMessage().contains("start"), e.getMessage());
        e = assertThrows(ShebaoException.class, () -> read("id,start\nA,2020-01-01\n"));
        assertTrue(e.getMessage().contains("wage or a base"), e.getMessage());
    }

    @Test
    void unitFileIsStrict() {
        CertificateUnit u = UnitFile.read(new StringReader("""
                code: "0100047513"
                name: 随州单位
                region: suizhou
                risk_class: 1
                float_grade: 120
                unit_kind: public-institution
                insurances: [unemployment, work_injury]
                """), "unit.yaml");
        assertEquals(new CertificateUnit("0100047513", "随州单位", "suizhou", Optional.of(1), new BigDecimal("120"),
                UnitKind.PUBLIC_INSTITUTION, Set.of(Insurance.of("unemployment"), Insurance.of("work_injury"))), u);
        assertEquals(u, UnitFile.read(new StringReader("{\"code\": \"0100047513\", \"name\": \"随州单位\", \"region\": \"suizhou\","
                + " \"risk_class\": 1, \"float_grade\": 120, \"unit_kind\": \"public-institution\","
                + " \"insurances\": [\"unemployment\", \"work_injury\"]}"), "unit.json"), "JSON is read the same way");
        String[][] bad = {
                {"code: \"1\"\nname: x\nregion: suizhou\nunit_kind: sme\nrisk: 1\n", "unit.yaml:5: unknown key 'risk'"},
                {"code: \"1\"\nname: x\nregion: suizhou\n", "missing key 'unit_kind'"},
                {"code: \"1\"\nname: x\nregion: suizhou\nunit_kind: sme\nrisk_class: 9\n", "unit.yaml:5: risk_class: '9'"},
                {"code: \"1\"\nname: x\nregion: suizhou\nunit_kind: sme\ninsurances: [pension, dental]\n", "'dental'"},
                {"code: \"1\"\nname: x\nregion: suizhou\nunit_kind: sme\nunit_kind: large\n", "duplicate key 'unit_kind'"},
        };
        for (String[] b : bad) {
            ShebaoException e = assertThrows(ShebaoException.class, () -> UnitFile.read(new StringReader(b[0]), "unit.yaml"));
            assertTrue(e.getMessage().contains(b[1]), e.getMessage());
        }
    }
}
