/**
 * 政策测试用例: tests as data that policy staff write — YAML cases ("this person in this month pays this much"),
 * read with file and line ({@link io.shebao.cases.CaseFile}), run against the rules and compared field by field
 * ({@link io.shebao.cases.CaseRunner}). The format is described in docs/TESTS.md.
 */
package io.shebao.cases;
