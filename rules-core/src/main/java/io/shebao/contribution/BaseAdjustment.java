package io.shebao.contribution;

/** How the contribution base was obtained from the input. */
public enum BaseAdjustment {
    /** The declared wage lies within the floor and ceiling and is the base. */
    WITHIN_LIMITS,
    /** The declared wage is below the floor: the base is the floor (缴费基数下限). */
    RAISED_TO_FLOOR,
    /** The declared wage is above the ceiling: the base is the ceiling (缴费基数上限). */
    LOWERED_TO_CEILING,
    /** The caller supplied the base directly: used as given, no limits applied. */
    SUPPLIED
}
