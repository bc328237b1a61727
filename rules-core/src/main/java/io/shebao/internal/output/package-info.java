/**
 * 输出文件: how the tool writes files so that nothing is lost and nothing is destroyed.
 * <ul>
 *   <li>{@link AtomicOutput}: results, error files, reports and certificates are written to a temporary
 *       file beside the target and moved into place only when complete; a failed run leaves the previous
 *       file untouched.</li>
 *   <li>{@link PathClash}: before anything is opened, every output is compared with every input and with
 *       every other output (real paths, symlinks and hard links resolved); a clash names both options.</li>
 *   <li>{@link OutputFailure}: a write error that names the output (option and path).</li>
 *   <li>{@link SpreadsheetSafe}: cells of a CSV the tool writes are neutralised against formula injection.</li>
 * </ul>
 * See docs/LIMITS.md.
 */
package io.shebao.internal.output;
