package dev.jlivepatch.selftest.apps.lifecycle;

import dev.jlivepatch.api.Shadow;
import dev.jlivepatch.selftest.apps.Ctl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The lifecycle scenarios' application. It runs its arguments as steps, in
 * order, and prints what it observes as {@code OUT} lines; the step itself is
 * echoed as {@code OUT % ...} where it changes something, as the kernel's
 * selftests echo their commands into dmesg.
 *
 * <ul>
 *   <li>{@code target}, {@code late}: call {@code work()} of {@link Target} / {@link Late}
 *       (the first call loads and initialises the class); an error is printed, not thrown;
 *       {@code lateByName}: the same through {@code Class.forName}, a new lookup each time (a failed
 *       resolution of {@code Late} in this class's code stays failed, JVMS 5.4.3);</li>
 *   <li>{@code targets:ID}: the patch's targets as the MBean shows them;</li>
 *   <li>{@code set:KEY=VALUE}: a system property (the patches' callbacks read
 *       {@code pre_patch_ret.<Class>}: {@code false} or {@code throw});</li>
 *   <li>{@code load:JAR}, {@code enable:ID}, {@code disable:ID}, {@code remove:ID}: drive the agent's MBean;</li>
 *   <li>{@code state:ID}: the patch's state as the MBean shows it, or {@code not loaded};</li>
 *   <li>{@code sysfs:ID}: the patch's attributes as the kernel's sysfs shows them ({@code enabled},
 *       {@code transition}, {@code replace}, {@code stack_order}); {@code object:ID/CLASS}: its objects of that
 *       target class ({@code loaded}, {@code patched}), one per class loader; {@code patches}: the loaded
 *       patches as {@code stack_order:id};</li>
 *   <li>{@code grep}: what {@link Proc} shows that has been live patched, as the kernel's
 *       {@code grep 'live patched' /proc/cmdline /proc/meminfo}; {@code loglevel}: {@link Console#loglevel};</li>
 *   <li>{@code shadowvars}: the kernel's test_klp_shadow_vars module, against the JVM's {@code Shadow}
 *       (see {@link ShadowVars});</li>
 *   <li>{@code cli:ARGS}: run the shipped command line, {@code java -jar jlivepatch.jar ARGS}, against
 *       this JVM ({@code PID} in ARGS stands for its pid; see {@link CommandLine});</li>
 *   <li>{@code jar:PATH}: the plugin jar; {@code loader:NAME}: a new class loader of that name over
 *       it, defining and initialising {@code Plugin}; {@code open:NAME}: the same, defining only
 *       {@code Entry}, not {@code Plugin}; {@code plugin:NAME}: call {@code Plugin.work()}
 *       in that loader (defining and initialising {@code Plugin} if it is not yet);
 *       {@code unload:NAME}: drop the loader and collect it; {@code unload:NAME:TEXT}:
 *       then wait (5 s at most) for a new line of the agent's log (written on another thread) that
 *       contains TEXT, so that it comes before the outcome;</li>
 *   <li>{@code drop:JAR|DIR}: put a copy of the jar into the directory (a watched one) whole, as an
 *       operator's tool does; {@code logged:TEXT}: wait (5 s at most) for a new line of the agent's
 *       log that contains TEXT;</li>
 *   <li>{@code box:NAME}, {@code describe:NAME}, {@code close:NAME}, {@code shadow:NAME:ID}: {@link Box}
 *       objects and their shadow variables;</li>
 *   <li>{@code busy:0}: a thread runs {@link Busy#workFunc} to its end (the kernel's busy module with
 *       {@code sleep_secs=0}); {@code busy:park}: a thread enters it and stays until {@code release}, which
 *       lets it go and joins it;</li>
 *   <li>{@code await}: waits (10 s at most) for the running transition to complete, as the kernel's
 *       {@code wait_for_transition}; prints only if it does not.</li>
 * </ul>
 */
public final class Main {
    private static final String PLUGIN = "dev.jlivepatch.selftest.apps.lifecycle.plugin.Plugin";
    private static final String ENTRY = "dev.jlivepatch.selftest.apps.lifecycle.plugin.Entry";
    private static final String LATE = "dev.jlivepatch.selftest.apps.lifecycle.Late";
    private static final Map<String, URLClassLoader> LOADERS = new HashMap<>();
    private static final Map<String, Box> BOXES = new HashMap<>();
    private static final Tee LOG = new Tee(System.err);
    private static Path pluginJar;
    private static Thread busy;
    private static CountDownLatch busyRelease;
    private static int awaited;

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        System.setErr(new PrintStream(LOG, true, StandardCharsets.UTF_8));
        for (String step : args) {
            int colon = step.indexOf(':');
            String op = colon < 0 ? step : step.substring(0, colon);
            String arg = colon < 0 ? "" : step.substring(colon + 1);
            switch (op) {
                case "target" -> callTarget();
                case "late" -> callLate();
                case "lateByName" -> callLateByName();
                case "targets" -> Ctl.targets(arg).forEach(Ctl::out);
                case "set" -> {
                    Ctl.out("% set " + arg);
                    int eq = arg.indexOf('=');
                    System.setProperty(arg.substring(0, eq), arg.substring(eq + 1));
                }
                case "load" -> {
                    Ctl.out("% load " + Path.of(arg).getFileName());
                    Ctl.load(arg);
                }
                case "enable", "disable", "remove" -> {
                    Ctl.out("% " + op + " " + arg);
                    Ctl.op(op, arg);
                }
                case "state" -> Ctl.out("state " + arg + ": " + Ctl.state(arg));
                case "sysfs" -> Ctl.out("sysfs " + Ctl.sysfs(arg));
                case "object" -> Ctl.objects(arg).forEach(l -> Ctl.out("object " + l));
                case "patches" -> Ctl.out("patches: " + Ctl.ids());
                case "grep" -> grepLivePatched();
                case "loglevel" -> Ctl.out("console_loglevel = " + Console.loglevel);
                case "shadowvars" -> ShadowVars.run();
                case "cli" -> CommandLine.run(arg);
                case "jar" -> pluginJar = Path.of(arg);
                case "loader" -> newLoader(arg);
                case "open" -> openLoader(arg);
                case "drop" -> dropJar(arg);
                case "logged" -> await(arg);
                case "plugin" -> callPlugin(arg);
                case "unload" -> unload(arg);
                case "box" -> BOXES.put(arg, new Box(arg));
                case "describe" -> Ctl.out(BOXES.get(arg).describe());
                case "close" -> {
                    Ctl.out("% close " + arg);
                    BOXES.get(arg).close();
                }
                case "shadow" -> {
                    String[] nameId = arg.split(":");
                    Object value = Shadow.get(BOXES.get(nameId[0]), Long.parseLong(nameId[1]));
                    Ctl.out("shadow " + arg + " = " + (value instanceof int[] ? "seen " + ((int[]) value)[0] : value));
                }
                case "busy" -> startBusy(arg.equals("park"));
                case "release" -> {
                    Ctl.out("% release");
                    busyRelease.countDown();
                    busy.join(10_000);
                }
                case "await" -> {
                    if (!Ctl.awaitTransition(10_000)) {
                        Ctl.out("transition still running after 10 s");
                    }
                }
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
        }
        Ctl.out("done");
    }

    /** A thread in {@link Busy#workFunc}: returns at once, or parks there until {@code release}. */
    private static void startBusy(boolean park) throws InterruptedException {
        Ctl.out("% busy " + (park ? "park" : "0"));
        CountDownLatch entered = new CountDownLatch(1);
        busyRelease = park ? new CountDownLatch(1) : null;
        CountDownLatch release = busyRelease;
        busy = new Thread(() -> {
            try {
                Busy.workFunc(entered, release);
            } catch (Throwable t) {
                Ctl.out("Busy: " + t);
            }
        }, "busy");
        busy.setDaemon(true);
        busy.start();
        entered.await();
        if (!park) {
            busy.join();
        }
    }

    /** The kernel's {@code grep 'live patched' /proc/cmdline /proc/meminfo /proc/version}. */
    private static void grepLivePatched() {
        for (String line : new String[] {Proc.cmdline(), Proc.meminfo(), Proc.version()}) {
            if (line.contains("live patched")) {
                Ctl.out(line);
            }
        }
    }

    private static void callTarget() {
        try {
            Ctl.out("Target.work: " + Target.work());
        } catch (Throwable t) {
            Ctl.out("Target: " + t);
        }
    }

    private static void callLate() {
        try {
            Ctl.out("Late.work: " + Late.work());
        } catch (Throwable t) {
            Ctl.out("Late: " + t);
        }
    }

    private static void callLateByName() {
        try {
            Class<?> late = Class.forName(LATE, true, Main.class.getClassLoader()); // by name: Late.class would resolve the failed constant
            Ctl.out("Late.work: " + late.getMethod("work").invoke(null));
        } catch (java.lang.reflect.InvocationTargetException e) {
            Ctl.out("Late: " + e.getCause());
        } catch (Throwable t) {
            Ctl.out("Late: " + t);
        }
    }

    private static void newLoader(String name) throws Exception {
        Ctl.out("% loader " + name);
        URLClassLoader loader = new URLClassLoader(name, new URL[] {pluginJar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        LOADERS.put(name, loader);
        try {
            Class.forName(PLUGIN, true, loader);
        } catch (Throwable t) {
            Ctl.out("Plugin@" + name + ": " + t);
        }
    }

    /** A loader over the plugin jar that has defined a class of it, only not {@code Plugin} yet. */
    private static void openLoader(String name) throws Exception {
        Ctl.out("% open " + name);
        URLClassLoader loader = new URLClassLoader(name, new URL[] {pluginJar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        LOADERS.put(name, loader);
        Class.forName(ENTRY, false, loader);
    }

    /** Writes the copy under a hidden name and renames it, dated an hour ago so it is taken at the next look. */
    private static void dropJar(String arg) throws IOException {
        Path jar = Path.of(arg.substring(0, arg.indexOf('|')));
        Path dir = Path.of(arg.substring(arg.indexOf('|') + 1));
        String name = jar.getFileName().toString();
        Ctl.out("% drop " + name);
        Path part = Files.copy(jar, dir.resolve("." + name + ".part"), StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(part, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void callPlugin(String name) throws Exception {
        Class<?> c = Class.forName(PLUGIN, false, LOADERS.get(name));
        try {
            Ctl.out("Plugin@" + name + ".work: " + c.getMethod("work").invoke(null));
        } catch (java.lang.reflect.InvocationTargetException e) {
            Ctl.out("Plugin@" + name + ": " + e.getCause());
        }
    }

    private static void unload(String arg) throws Exception {
        int colon = arg.indexOf(':');
        String name = colon < 0 ? arg : arg.substring(0, colon);
        Ctl.out("% unload " + name);
        WeakReference<ClassLoader> ref = drop(name);
        for (int i = 0; i < 100 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        if (ref.get() != null) {
            Ctl.out("loader " + name + " still reachable after 100 GCs");
            return;
        }
        if (colon >= 0) {
            await(arg.substring(colon + 1));
        }
        Ctl.out("loader " + name + " collected");
    }

    private static WeakReference<ClassLoader> drop(String name) throws IOException {
        URLClassLoader loader = LOADERS.remove(name);
        loader.close();
        return new WeakReference<>(loader);
    }

    /** Waits for the agent to log a line containing the text, after those awaited before. */
    private static void await(String text) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            int at = LOG.text().indexOf(text, awaited);
            if (at >= 0) {
                awaited = at + text.length();
                return;
            }
            Thread.sleep(10);
        }
        Ctl.out("timed out waiting for a log line containing '" + text + "'");
    }

    /** Standard error, also kept, so that the application can wait for the agent's log lines. */
    private static final class Tee extends OutputStream {
        private final PrintStream out;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Tee(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) {
            out.write(b);
            kept.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            out.write(b, off, len);
            kept.write(b, off, len);
        }

        @Override
        public void flush() {
            out.flush();
        }

        synchronized String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }
    }
}
