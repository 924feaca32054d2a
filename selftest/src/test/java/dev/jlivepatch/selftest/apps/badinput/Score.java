package dev.jlivepatch.selftest.apps.badinput;

/** Comparable to itself, so the compiler generates the bridge compareTo(Object) beside compareTo(Score). */
public final class Score implements Comparable<Score> {
    private final int points;

    public Score(int points) {
        this.points = points;
    }

    @Override
    public int compareTo(Score other) {
        return Integer.compare(points, other.points);
    }
}
