package dev.jlivepatch.selftest.apps.kinds.methods;

import static dev.jlivepatch.selftest.apps.Steps.show;

import dev.jlivepatch.selftest.apps.Ctl;
import dev.jlivepatch.selftest.apps.Steps;
import java.util.List;
import java.util.Map;

/** Step {@code call} prints every kind's result; {@code hot} runs some of them hot, to get compiled. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Steps.run(args, Map.of("call", Main::call, "hot", Main::hot));
    }

    static void call() {
        Plain p = new Plain();
        show("instance", () -> p.greet("bob"));
        show("static", () -> Plain.twice(21));
        show("private", p::whisper);
        show("final", () -> p.fin(1));
        show("synchronized", p::sync);
        show("static synchronized", Plain::staticSync);
        show("synchronized throws", p::syncThrows);
        show("monitor released", () -> !Thread.holdsLock(p));
        show("varargs", () -> p.join("-", "a", "b", "c"));
        show("static varargs", () -> Plain.count(1, 2, 3));
        show("generic", () -> p.max(List.of(3, 9, 4)));
        show("primitives", () -> Plain.mix((byte) 1, (short) 2, 'a', 4, 5L, 6.5f, 7.25, true));
        show("wide", () -> p.wide(1L << 40, 2.5, 3));
        show("long[]", () -> p.scale(new long[] {1, 2, 3}, 10));
        show("int[][]", () -> Plain.grid(2));
        show("String[]", () -> p.split("x,y"));
        show("void", () -> {
            p.record("r");
            return p.log();
        });
        show("char", () -> p.initial("zed"));
        show("boolean", () -> p.empty(""));
        show("byte", () -> p.low(300));
        show("short", () -> p.half((short) 10));
        show("float", () -> p.third(3f));
        show("overload patched", () -> p.fmt(5));
        show("overload unpatched", () -> p.fmt("5"));
        show("throws ok", () -> p.parse("12"));
        show("throws", () -> p.parse("x"));
        show("recursive static", () -> Plain.tri(4));
        show("recursive instance", () -> p.depth(3));
        show("default", () -> new Square(2).describe());
        show("interface static", Shape::unit);
        show("nested", () -> new Outer.Nested().hi());
        show("nested static", Outer.Nested::seven);
        show("inner", () -> new Outer("o").new Inner().hi());
        show("private nested", () -> new Outer("o").hidden());
        show("anonymous", () -> new Outer("o").anonymous().get());
        show("generic class", () -> {
            Box<String> b = new Box<>();
            b.set("v");
            return b.get();
        });
        show("bridged override", () -> {
            Box<Integer> b = new Box.IntBox();
            b.set(1);
            return b.get();
        });
    }

    /** Enough calls for C2, then one more observed value for each. */
    static void hot() {
        Plain p = new Plain();
        long sum = 0;
        for (int i = 0; i < 200_000; i++) {
            sum += Plain.twice(i & 7) + p.fin(i & 7) + p.greet("x").length() + Plain.tri(i & 3);
        }
        Ctl.out("hot sum: " + sum);
    }
}
