package io.shebao.certificate;

import io.shebao.ErrorCode;
import io.shebao.ShebaoException;
import io.shebao.contribution.Insurance;
import io.shebao.contribution.UnitKind;
import io.shebao.parameter.StrictYaml;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the unit file (YAML or JSON), strictly: unknown or duplicate keys, a missing key or a value not allowed
 * is an error naming the file, the line and the key.
 *
 * <pre>
 * code: "100047513"          # 单位编号
 * name: 中国邮政储蓄银行股份有限公司随州市分行
 * region: suizhou
 * risk_class: 1
 * float_grade: 100           # optional, percent
 * unit_kind: large           # sme | large | individual-business | public-institution
 * insurances: [unemployment, work_injury]   # optional; default the region's
 * </pre>
 */
public final class UnitFile {
    private static final Set<String> KEYS = Set.of("code", "name", "region", "risk_class", "float_grade", "unit_kind", "insurances");
    private static final Set<String> REQUIRED = Set.of("code", "name", "region", "unit_kind");

    private UnitFile() {
    }

    public static CertificateUnit read(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (NoSuchFileException e) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "unit", file.toString(), "unit: file '" + file + "' does not exist");
        } catch (IOException e) {
            throw new ShebaoException(ErrorCode.INVALID_INPUT, "unit", file.toString(),
                    "unit: file '" + file + "' cannot be read: " + e.getMessage());
        }
    }

    public static CertificateUnit read(Reader reader, String name) {
        StrictYaml y = new StrictYaml(name, ErrorCode.INVALID_INPUT);
        Node root = y.parse(reader);
        Map<String, Node> m = y.mapping(root, "the unit", KEYS, REQUIRED);
        Optional<Integer> riskClass = Optional.empty();
        if (m.containsKey("risk_class")) {
            String v = y.scalar(m.get("risk_class"), "risk_class");
            if (!v.matches("[1-8]")) {
                throw y.error(m.get("risk_class"), "risk_class: '" + v + "' is not allowed; 1 to 8 (一类…八类)");
            }
            riskClass = Optional.of(Integer.parseInt(v));
        }
        BigDecimal floatGrade = new BigDecimal("100");
        if (m.containsKey("float_grade")) {
            String v = y.scalar(m.get("float_grade"), "float_grade");
            if (!v.matches("[0-9]{1,3}(\\.[0-9]{1,2})?") || new BigDecimal(v).signum() <= 0) {
                throw y.error(m.get("float_grade"), "float_grade: '" + v + "' is not allowed; a percentage > 0, e.g. 100 or 120");
            }
            floatGrade = new BigDecimal(v);
        }
        String kindCode = y.scalar(m.get("unit_kind"), "unit_kind");
        UnitKind kind = UnitKind.fromCode(kindCode).orElseThrow(() -> y.error(m.get("unit_kind"), "unit_kind: '" + kindCode
                + "' is not allowed; one of sme, large, individual-business, public-institution"));
        Set<Insurance> ins = new java.util.TreeSet<Insurance>();
        if (m.containsKey("insurances")) {
            for (Node n : y.sequence(m.get("insurances"), "insurances")) {
                String v = y.scalar(n, "an insurance");
                ins.add(Insurance.fromCode(v).orElseThrow(() -> y.error(n, "insurances: '" + v + "' is not allowed; one of "
                        + Insurance.allowedCodes())));
            }
            if (ins.isEmpty()) {
                throw y.error(m.get("insurances"), "insurances: an empty list; leave the key out for the region's insurances");
            }
        }
        String code = y.scalar(m.get("code"), "code");
        if (code.isBlank()) {
            throw y.error(m.get("code"), "code: 单位编号 must not be empty");
        }
        return new CertificateUnit(code, y.scalar(m.get("name"), "name"), y.scalar(m.get("region"), "region"), riskClass,
                floatGrade, kind, ins);
    }
}
