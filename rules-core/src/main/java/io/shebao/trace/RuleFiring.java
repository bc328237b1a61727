package io.shebao.trace;

/**
 * One rule that fired, with the metadata it carries in its DRL file.
 *
 * @param id         the rule's {@code @id}, stable across releases
 * @param name       the rule's name (the condition it checks)
 * @param legalBasis {@code @legalBasis}: the law, document and article
 * @param source     {@code @source}: seed file and item code, or the document cited
 */
public record RuleFiring(String id, String name, String legalBasis, String source) {
}
