package dev.jlivepatch.selftest.proof;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which patch states were in force when: a steady state from the moment its
 * transition completed until the next command was issued, and both states
 * from the moment a command was issued until its transition was seen complete
 * ({@code System.nanoTime}, taken by the test around the command). A response
 * is right when it is the answer of a state in force at some moment between
 * its request being sent and its response being received.
 */
public final class Timeline {
    private record Segment(long from, long to, Set<String> states) {
    }

    private final List<Segment> segments = new ArrayList<>();
    private String current;
    private long since;

    public Timeline(String initial, long start) {
        current = initial;
        since = start;
    }

    /** The state changed to {@code next} by a command issued at {@code issued}, its transition complete at {@code done}. */
    public synchronized void transition(String next, long issued, long done) {
        segments.add(new Segment(since, issued, Set.of(current)));
        segments.add(new Segment(issued, done, Set.of(current, next)));
        current = next;
        since = done;
    }

    /** The states in force at some moment of {@code [from, to]}. */
    public synchronized Set<String> during(long from, long to) {
        Set<String> out = new LinkedHashSet<>();
        for (Segment s : segments) {
            if (s.from <= to && from <= s.to) {
                out.addAll(s.states);
            }
        }
        if (to >= since) {
            out.add(current);
        }
        return out;
    }

    public synchronized String current() {
        return current;
    }
}
