package dev.jlivepatch.selftest.apps.consistency;

import dev.jlivepatch.selftest.apps.Ctl;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/**
 * The consistency scenarios' application. It runs its arguments as steps and
 * prints what it observes as {@code OUT} lines; a step that changes something
 * is echoed as {@code OUT % ...}.
 *
 * <ul>
 *   <li>{@code load:JAR}, {@code enable:ID}, {@code disable:ID}, {@code remove:ID}, {@code force:ID}:
 *       drive the agent's MBean ({@code refused: REASON} when it refuses);</li>
 *   <li>{@code await} / {@code await:MS}: wait (5 s, or MS) for the transition: {@code await: true|false};</li>
 *   <li>{@code state:ID}: the patch's {@code enabled} and {@code transition};</li>
 *   <li>{@code blockers}: the MBean's blockers, with the source position of a frame shown as {@code (...)}
 *       and no class loader prefix,
 *       and the id of a thread this application named shown as {@code id OK} when it is that thread's id;</li>
 *   <li>{@code park:NAME} / {@code vpark:NAME}: a new platform / virtual thread enters {@link Pair#hold} and
 *       parks inside it; {@code release:NAME} lets it go and joins it; {@code result:NAME} prints the
 *       versions its chain ran;</li>
 *   <li>{@code helper:NAME}: a platform thread that waits for work, so that it exists before a transition;
 *       {@code chain:NAME} runs a chain on it ({@code chain} alone: on the main thread);</li>
 *   <li>{@code spawn:NAME} / {@code vspawn:NAME}: a new platform / virtual thread runs one chain;</li>
 *   <li>{@code solo}: calls {@link Solo#work};</li>
 *   <li>{@code torture:PLATFORM:VIRTUAL:CYCLES[:HANDLERS:VHANDLERS]}: see {@link Torture};</li>
 *   <li>{@code serve:PLATFORM:VIRTUAL:CYCLES:JAR}: request handlers under load, see {@link Serve}.</li>
 * </ul>
 */
public final class Main {
    private static final int CALLS = 3;
    private static final Map<String, Parked> PARKED = new LinkedHashMap<>();
    private static final Map<String, Helper> HELPERS = new LinkedHashMap<>();
    private static final Map<String, Thread> NAMED = new LinkedHashMap<>();

    private Main() {
    }

    /** A thread parked inside {@link Pair#hold}, and the chain it ran once released. */
    private static final class Parked {
        final Gate gate = new Gate();
        final long[] calls = new long[1];
        volatile int seen;
        volatile Throwable failed;
        Thread thread;
    }

    /** A platform thread that runs the chains it is handed. */
    private static final class Helper {
        final SynchronousQueue<Runnable> work = new SynchronousQueue<>();
        final Thread thread;

        Helper(String name) {
            thread = Spawn.thread(name, false, () -> {
                try {
                    while (true) {
                        work.take().run();
                    }
                } catch (InterruptedException e) {
                    // done
                }
            });
            thread.start();
        }
    }

    public static void main(String[] args) throws Exception {
        for (String step : args) {
            int colon = step.indexOf(':');
            String op = colon < 0 ? step : step.substring(0, colon);
            String arg = colon < 0 ? "" : step.substring(colon + 1);
            switch (op) {
                case "load" -> {
                    Ctl.out("% load " + Path.of(arg).getFileName());
                    Ctl.load(arg);
                }
                case "enable", "disable", "remove", "force" -> {
                    Ctl.out("% " + op + " " + arg);
                    Ctl.op(op, arg);
                }
                case "await" -> Ctl.out("await: " + Ctl.awaitTransition(arg.isEmpty() ? 5_000 : Long.parseLong(arg)));
                case "state" -> Ctl.out(arg + ": " + Ctl.state(arg));
                case "blockers" -> Ctl.out("blockers: " + blockers());
                case "park", "vpark" -> park(arg, op.equals("vpark"));
                case "release" -> release(arg);
                case "result" -> {
                    Parked p = PARKED.get(arg);
                    Ctl.out(arg + " chain: " + (p.failed != null ? "failed " + p.failed : Pair.name(p.seen))
                            + ", " + p.calls[0] + " calls");
                }
                case "helper" -> {
                    Helper h = new Helper(arg);
                    HELPERS.put(arg, h);
                    NAMED.put(arg, h.thread);
                }
                case "chain" -> chain(arg);
                case "spawn", "vspawn" -> spawn(arg, op.equals("vspawn"));
                case "solo" -> Ctl.out("Solo.work: " + Solo.work());
                case "torture" -> {
                    String[] n = arg.split(":");
                    Torture.run(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]),
                            n.length > 3 ? Integer.parseInt(n[3]) : 0, n.length > 4 ? Integer.parseInt(n[4]) : 0);
                }
                case "serve" -> {
                    String[] n = arg.split(":", 4);
                    Serve.run(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]), n[3]);
                }
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
        }
        for (Parked p : PARKED.values()) {
            p.gate.release();
        }
        Ctl.out("done");
    }

    private static void park(String name, boolean virtual) throws InterruptedException {
        Ctl.out("% park " + name);
        Parked p = new Parked();
        p.thread = Spawn.thread(name, virtual, () -> {
            try {
                p.seen = Pair.hold(p.gate, p.calls);
            } catch (Throwable t) {
                p.failed = t;
            }
        });
        PARKED.put(name, p);
        NAMED.put(name, p.thread);
        p.thread.start();
        p.gate.awaitParked();
    }

    private static void release(String name) throws InterruptedException {
        Ctl.out("% release " + name);
        Parked p = PARKED.get(name);
        p.gate.release();
        p.thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    private static void chain(String on) throws Exception {
        long[] calls = new long[1];
        if (on.isEmpty()) {
            Ctl.out("main chain: " + Pair.name(Pair.chain(CALLS, calls)) + ", " + calls[0] + " calls");
            return;
        }
        SynchronousQueue<String> result = new SynchronousQueue<>();
        HELPERS.get(on).work.put(() -> {
            String r;
            try {
                r = Pair.name(Pair.chain(CALLS, calls)) + ", " + calls[0] + " calls";
            } catch (Throwable t) {
                r = "failed " + t;
            }
            try {
                result.put(r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Ctl.out(on + " chain: " + result.take());
    }

    private static void spawn(String name, boolean virtual) throws InterruptedException {
        long[] calls = new long[1];
        String[] r = new String[1];
        Thread t = Spawn.thread(name, virtual, () -> {
            try {
                r[0] = Pair.name(Pair.chain(CALLS, calls)) + ", " + calls[0] + " calls";
            } catch (Throwable e) {
                r[0] = "failed " + e;
            }
        });
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(10));
        Ctl.out(name + " chain: " + r[0]);
    }

    /** The MBean's blockers, without source positions, and with the ids of the threads named here checked. */
    private static List<String> blockers() {
        List<String> out = new ArrayList<>();
        for (String b : Ctl.blockers()) {
            for (Map.Entry<String, Thread> e : NAMED.entrySet()) {
                b = b.replace("'" + e.getKey() + "' (id " + e.getValue().getId(), "'" + e.getKey() + "' (id OK");
            }
            // A frame shows its line; no line where the thread sits in the stub, which has none; or "Unknown
            // Source" where the thread runs the copy of the method from before its class was woven (the JVM
            // keeps no line table for such an obsolete method).
            // The application class loader's "app//" prefix is left out where the JDK shows it (not for the
            // frames of virtual threads on JDK 25).
            out.add(b.replaceAll("\\((\\w+\\.java(:\\d+)?|Unknown Source)\\)", "(...)").replace(" in app//", " in "));
        }
        return out;
    }
}
