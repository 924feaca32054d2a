package shop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks every case its question. Without arguments it prints the answers, one
 * per line, and exits; with "serve" it prints "OUT ready" and answers each
 * "call" read from stdin on one line, until "quit".
 */
public final class Main {
    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("serve")) {
            System.out.println("OUT ready");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
            for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
                System.out.println("OUT " + line + " " + String.join(" | ", answers()));
            }
            return;
        }
        for (String a : answers()) {
            System.out.println("OUT " + a);
        }
    }

    static List<String> answers() {
        List<String> out = new ArrayList<>();
        Cart cart = new Cart();
        cart.add(1999);
        cart.add(500);
        out.add("private members and new helpers: " + cart.total());
        out.add("constant: " + Rates.gross(1000));
        out.add("lambdas: " + new Labels("!").format(List.of("a", "bb", "")));
        Outer outer = new Outer(3);
        out.add("inner class: " + outer.new Inner().scaled(2));
        out.add("nested class: " + Outer.Nested.twice(5));
        out.add("anonymous class: " + outer.supplier().get());
        out.add("new class: " + Discounts.best(10000) + " " + Discounts.best(100));
        out.add("string switch: " + Commands.run("stop") + ", " + Commands.run("start") + ", " + Commands.run("x"));
        out.add("enum switch: " + Colors.describe(Color.RED) + ", " + Colors.describe(Color.GREEN) + ", "
                + Colors.describe(Color.BLUE));
        out.add("lambda in a static field: " + Filters.SHORT.test("abcd") + " "
                + Filters.shortOnes(List.of("abc", "abcd", "abcdef")));
        out.add("default method: " + new Greeter().greet("x"));
        out.add("package-private class: " + Ledger.balance(new int[] {1, 2, 3}));
        return out;
    }
}
