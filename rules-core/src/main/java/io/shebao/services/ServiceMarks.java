package io.shebao.services;

/**
 * 办理类型: the three marks of the 三办 reform the guide table ticks.
 *
 * @param immediate 马上办: done at once at the counter
 * @param online    网上办: can be done in the online hall
 * @param oneVisit  一次办: at most one visit
 */
public record ServiceMarks(boolean immediate, boolean online, boolean oneVisit) {
}
