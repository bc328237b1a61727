package io.shebao.internal.facts;

/** The minimum contribution months for the statutory month and the months counted then. */
public final class ContributionCheck {
    private final int minimum;
    private final int atRetirement;

    public ContributionCheck(int minimum, int atRetirement) {
        this.minimum = minimum;
        this.atRetirement = atRetirement;
    }

    public int getMinimum() {
        return minimum;
    }

    public int getAtRetirement() {
        return atRetirement;
    }

    public int getShortfall() {
        return Math.max(0, minimum - atRetirement);
    }

    public boolean isMet() {
        return atRetirement >= minimum;
    }
}
