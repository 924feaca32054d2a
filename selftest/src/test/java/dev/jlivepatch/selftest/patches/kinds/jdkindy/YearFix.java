package dev.jlivepatch.selftest.patches.kinds.jdkindy;

import dev.jlivepatch.api.Original;
import dev.jlivepatch.api.Patch;
import dev.jlivepatch.api.Replace;
import java.time.Year;
import java.util.function.LongFunction;

/**
 * A JDK class that java.lang.invoke's linkage does not use, so its stub is the constant-folded
 * invokedynamic one: year 13 is a probe (leap), year -13 asks Year.isLeap(13) again (a nested call runs the
 * replacement, as for an application class), year 2100 links a lambda and a string concatenation on its
 * first call (and answers as the original), and every other year runs the original through {@code @Original}.
 */
@Patch(target = "java.time.Year")
public final class YearFix {
    private YearFix() {
    }

    @Replace
    static boolean isLeap(long year) {
        if (year == 13) {
            return true;
        }
        if (year == -13) {
            return Year.isLeap(13);
        }
        if (year == 2100) {
            LongFunction<String> name = y -> "year " + y;
            return name.apply(year).equals("year 2100") ? isLeap$original(year) : true;
        }
        return isLeap$original(year);
    }

    @Original
    static boolean isLeap$original(long year) {
        throw new AssertionError();
    }
}
