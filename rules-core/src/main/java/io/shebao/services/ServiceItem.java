package io.shebao.services;

import java.util.List;
import java.util.Objects;

/**
 * 社会保险公共服务事项: one guide table (办事指南表) of 武人社发〔2017〕58号 as data. Every text field is the source
 * text with HTML tags removed and white space collapsed to single spaces; the lists are the same text cut at
 * its numbering or separators (nothing added, nothing dropped).
 *
 * @param code             normalised code (prefix + 5 digits + optional part), e.g. {@code SBZX00062}
 * @param heading          the table's heading as printed (one table has 社会保险待遇业务事项办事指南表)
 * @param printedCode      业务编号 as printed in the guide table
 * @param listedCode       业务编号 as printed in the summary list (汇总表); the seed prints {@code SBZX000062} there
 * @param listNumber       序号 in the summary list; 0 for the second part of a split item (SBZX00020-2)
 * @param group            the summary list's section (单位参保登记及缴费核定业务 …)
 * @param category         业务类别
 * @param name             事项名称
 * @param body             实施机关: implementing body
 * @param marks            办理类型: 马上办 / 网上办 / 一次办
 * @param legalBasisLabel  the printed label: 设定主要依据 (or 设定依据 in three tables)
 * @param legalBasis       设定主要依据: legal basis as printed
 * @param legalBases       the legal basis cut into its documents
 * @param conditions       办事条件: eligibility conditions as printed
 * @param materialsText    申报材料 as printed
 * @param materials        申报材料 cut at its numbering
 * @param statutoryLimit   法定时限
 * @param promisedLimit    承诺时限
 * @param specialProcedure 特别程序及期限
 * @param fees             收费依据及标准
 * @param approvalDocument 证照或批复名称
 * @param process          运行流程 as printed
 * @param processSteps     运行流程 cut at its arrows or numbering
 * @param offices          承办机构: handling offices
 * @param contacts         咨询方式
 * @param complaints       监督投诉方式
 * @param remarks          备注
 * @param sourceLine       line of the table's heading in the source file (1-based)
 */
public record ServiceItem(String code, String heading, String printedCode, String listedCode, int listNumber, String group,
                          String category, String name, String body, ServiceMarks marks, String legalBasisLabel,
                          String legalBasis, List<String> legalBases, String conditions, String materialsText,
                          List<String> materials, TimeLimit statutoryLimit, TimeLimit promisedLimit,
                          String specialProcedure, String fees, String approvalDocument, String process,
                          List<String> processSteps, String offices, String contacts, String complaints,
                          String remarks, int sourceLine) {
    public ServiceItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        legalBases = List.copyOf(legalBases);
        materials = List.copyOf(materials);
        processSteps = List.copyOf(processSteps);
    }

    /** The code's prefix: SBZX (社保中心), YBZX (医保中心), SYB (失业办), XXZX (信息中心), GSC (工伤处), YLC (养老处). */
    public String office() {
        return code.replaceAll("\\d.*$", "");
    }
}
