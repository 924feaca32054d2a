package shop;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** A lambda made once, by the static initialiser: only its body changes, so it is replaced in place. */
public final class Filters {
    public static final Predicate<String> SHORT = s -> s.length() < 5;

    private Filters() {
    }

    public static List<String> shortOnes(List<String> in) {
        return in.stream().filter(SHORT).collect(Collectors.toList());
    }
}
