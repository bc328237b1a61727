/**
 * Facts the rule sets of {@code rules-catalog} reason over. Public because the compiled rules need them;
 * not part of the embedding API, which is {@link io.shebao.ShebaoRules} and the request and result types.
 */
package io.shebao.internal.facts;
