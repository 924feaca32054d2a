package dev.jlivepatch.selftest.apps.worlds.childfirst;

import dev.jlivepatch.selftest.apps.worlds.shared.Shared;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Two copies of one class: {@code Shared} on the class path, and its own
 * copy in a child-first loader named {@code child-first} over the jar given
 * as the argument (which also holds a class only that loader has). It prints
 * {@code OUT ready PID} once both copies are loaded; {@code call} answers
 * what each copy's {@code greet} returns; {@code quit} stops it.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        ChildFirstLoader child = new ChildFirstLoader("child-first", new URL[] {Path.of(args[0]).toUri().toURL()},
                Main.class.getClassLoader());
        Greeting inApp = new Shared();
        Greeting inChild = (Greeting) child.loadClass(Shared.class.getName()).getDeclaredConstructor().newInstance();
        if (inApp.getClass() == inChild.getClass()) {
            throw new AssertionError("the child-first loader did not define its own copy");
        }
        out("ready " + ProcessHandle.current().pid());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            switch (line.trim()) {
                case "call" -> out("call " + call(inApp) + " | " + call(inChild));
                case "quit" -> {
                    out("bye");
                    return;
                }
                default -> out("unknown " + line);
            }
        }
    }

    private static String call(Greeting g) {
        try {
            return g.greet("bob");
        } catch (Throwable t) {
            return t.toString();
        }
    }

    private static void out(String line) {
        System.out.println("OUT " + line);
        System.out.flush();
    }
}
