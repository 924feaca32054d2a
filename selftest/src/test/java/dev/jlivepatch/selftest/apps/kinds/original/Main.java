package dev.jlivepatch.selftest.apps.kinds.original;

import static dev.jlivepatch.selftest.apps.Steps.show;

import dev.jlivepatch.selftest.apps.Steps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step {@code call} runs each method once on a fresh account and prints the answers; {@code hot} runs them
 * many times first (so that C2 compiles the calls through the accessors); {@code jdk} asks ArrayList.indexOf.
 */
public final class Main {
    static final Object PROBE = new Object();

    private Main() {
    }

    public static void main(String[] args) {
        Steps.run(args, Map.of("call", Main::call, "hot", Main::hot, "jdk", Main::jdk));
    }

    static void call() {
        Account a = new Account("ann", 100);
        show("withdraw", () -> a.withdraw(30) + " " + a.withdraw(-5) + " " + a.withdraw(500));
        show("history", () -> a.history(List.of("x")));
        show("describe", a::describe);
        show("fee", () -> Account.fee(250));
    }

    static void hot() {
        show("hot", () -> {
            long sum = 0;
            for (int i = 0; i < 200_000; i++) {
                sum += new Account("h", 10).withdraw(i % 7) + Account.fee(i % 1000);
            }
            return sum;
        });
    }

    static void jdk() {
        List<Object> list = new ArrayList<>(List.of("a", "b"));
        show("indexOf", () -> list.indexOf("b") + " " + list.indexOf(PROBE) + " " + list.indexOf("z"));
    }
}
