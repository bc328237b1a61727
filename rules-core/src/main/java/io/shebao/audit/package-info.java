/**
 * 审计记录: audit records, their signatures, replay and explanation.
 *
 * <p>An {@link io.shebao.audit.AuditRecord} is one canonical JSON line holding everything needed to
 * prove an answer years later: the library version, the rule-set hash, the parameter-set hash, the
 * request, the result and the trace, sealed by a SHA-256 digest and optionally an Ed25519 signature.
 * {@link io.shebao.audit.Audit} (from {@code ShebaoRules.audit()}) makes and replays records;
 * {@link io.shebao.audit.AuditWriter} appends them to a JSONL file; {@link io.shebao.audit.Explanation}
 * reads one out in Chinese or English. The format is documented in {@code docs/AUDIT.md}.
 */
package io.shebao.audit;
