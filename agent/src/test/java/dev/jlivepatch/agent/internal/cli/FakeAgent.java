package dev.jlivepatch.agent.internal.cli;

import dev.jlivepatch.agent.internal.manage.BlockerInfo;
import dev.jlivepatch.agent.internal.manage.TransitionInfo;
import dev.jlivepatch.agent.internal.manage.CallInfo;
import dev.jlivepatch.agent.internal.manage.CallsInfo;
import dev.jlivepatch.agent.internal.manage.CheckInfo;
import dev.jlivepatch.agent.internal.manage.DryRunInfo;
import dev.jlivepatch.agent.internal.manage.LivepatchMXBean;
import dev.jlivepatch.agent.internal.manage.PatchInfo;
import dev.jlivepatch.agent.internal.manage.TargetInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent as the MBean shows it, with transitions that take as long as a
 * test says (or never end) and threads that block them: what the command
 * line must handle once the consistency model makes transitions wait.
 */
final class FakeAgent implements LivepatchMXBean {
    static final long NEVER = Long.MAX_VALUE;

    /** One patch's mutable state. */
    static final class State {
        boolean enabled;
        String transition = "none";
        boolean forced;
    }

    final Map<String, State> patches = new LinkedHashMap<>();
    List<BlockerInfo> blockers = List.of();
    /** The MBean's load calls, in order: {@code PATH}, or {@code PATH deferred} for {@code load(PATH, true)}. */
    final List<String> loads = new ArrayList<>();
    /** An agent older than {@code load(path, deferredTargets)}: it has only {@code load(path)}. */
    boolean older;
    /** How long the next transition runs, in milliseconds. */
    long transitionMillis;
    /** Whether the next transition ends reversed (someone disabled the patch meanwhile). */
    boolean reverse;
    private String moving;
    private long endsAt;

    FakeAgent with(String id, boolean enabled) {
        State s = new State();
        s.enabled = enabled;
        patches.put(id, s);
        return this;
    }

    /** Puts a patch in a transition that has already started and does not end. */
    FakeAgent stalled(String id, String kind, BlockerInfo... bs) {
        start(id, kind);
        endsAt = NEVER;
        blockers = List.of(bs);
        return this;
    }

    @Override
    public String getVersion() {
        return "test";
    }

    @Override
    public synchronized List<PatchInfo> getPatches() {
        settle();
        List<PatchInfo> out = new ArrayList<>();
        int[] order = {0};
        patches.forEach((id, s) -> out.add(new PatchInfo(id, null, s.enabled, s.transition, s.forced, false,
                ++order[0], List.of(new TargetInfo("com.example.Greeter", true, "app",
                        List.of("greet(Ljava/lang/String;)Ljava/lang/String;"), s.enabled, null)))));
        return out;
    }

    @Override
    public synchronized List<String> getBlockers() {
        List<String> out = new ArrayList<>();
        getBlockingThreads().forEach(b -> out.add(b.toString()));
        return out;
    }

    @Override
    public synchronized List<BlockerInfo> getBlockingThreads() {
        settle();
        return moving == null ? List.of() : blockers;
    }

    @Override
    public synchronized String load(String path, boolean deferredTargets) {
        if (older) {
            // What the control channel throws for an operation the agent does not have.
            throw new RemoteAgent.Unsupported("no operation 'load' in this agent (version test)");
        }
        return added(path + (deferredTargets ? " deferred" : ""));
    }

    @Override
    public synchronized String load(String path) {
        return added(path);
    }

    /** Records a load and starts the patch's transition; its id is the jar's name without {@code .jar}. */
    private String added(String call) {
        loads.add(call);
        String name = java.nio.file.Path.of(call.split(" ")[0]).getFileName().toString();
        String id = name.substring(0, name.length() - ".jar".length());
        with(id, false);
        start(id, "patching");
        return id;
    }

    /** What {@link #dryRun} answers (the paths asked are kept in {@link #dryRuns}); by default every check passes. */
    DryRunInfo dryRunReport = new DryRunInfo("fix", "a fix", false, List.of(),
            List.of(new TargetInfo("com.example.Greeter", true, "app", List.of("greet(Ljava/lang/String;)Ljava/lang/String;"),
                    false, null)),
            List.of(new CheckInfo("jar", true, "fine"), new CheckInfo("targets", true, "1 linked")),
            List.of(new BlockerInfo("worker", 7, false, "com.example.Greeter.greet(Greeter.java:3)")),
            List.of("not run: a callback"), null);
    final List<String> dryRuns = new ArrayList<>();
    /** The calls of greet counted so far; each read while counting finds 42 more. */
    long counted = 100;
    boolean counting;
    long countedFor;

    @Override
    public synchronized DryRunInfo dryRun(String path, boolean deferredTargets) {
        dryRuns.add(path + (deferredTargets ? " deferred" : ""));
        return dryRunReport;
    }

    @Override
    public synchronized CallsInfo getCalls() {
        if (counting) {
            counted += 42;
        }
        return calls();
    }

    private CallsInfo calls() {
        return new CallsInfo(counting, counting ? 1 : 0, counting ? 2 : 0, List.of(new CallInfo("fix",
                "com.example.Greeter", "app", "greet(Ljava/lang/String;)Ljava/lang/String;", counted)));
    }

    @Override
    public synchronized CallsInfo countCalls(long millis) {
        counting = true;
        countedFor = millis;
        return calls();
    }

    @Override
    public synchronized CallsInfo stopCounting() {
        counting = false;
        return calls();
    }

    @Override
    public synchronized void enable(String id) {
        State s = require(id);
        if (s.enabled) {
            throw new IllegalStateException("patch '" + id + "' is already enabled");
        }
        start(id, "patching");
    }

    @Override
    public synchronized void disable(String id) {
        State s = require(id);
        if (!s.enabled) {
            throw new IllegalStateException("patch '" + id + "' is not enabled");
        }
        start(id, "unpatching");
    }

    @Override
    public synchronized void remove(String id) {
        require(id);
        patches.remove(id);
    }

    @Override
    public synchronized void force(String id) {
        State s = require(id);
        if (!id.equals(moving)) {
            throw new IllegalStateException("patch '" + id + "' is not in a transition; there is nothing to force");
        }
        s.forced = true;
        endsAt = 0;
        reverse = false;
        settle();
    }

    /** What {@link #getLastTransition()} answers. */
    volatile TransitionInfo last;

    @Override
    public TransitionInfo getLastTransition() {
        return last;
    }

    @Override
    public boolean awaitTransition(long millis) {
        long until = System.nanoTime() / 1_000_000 + millis;
        while (true) {
            synchronized (this) {
                settle();
                if (moving == null) {
                    return true;
                }
            }
            long now = System.nanoTime() / 1_000_000;
            if (now >= until) {
                return false;
            }
            try {
                Thread.sleep(Math.min(20, until - now));
            } catch (InterruptedException e) {
                return false;
            }
        }
    }

    private void start(String id, String kind) {
        State s = patches.get(id);
        s.transition = kind;
        s.enabled = kind.equals("patching"); // as the kernel: 'enabled' flips when the transition starts
        moving = id;
        endsAt = transitionMillis == NEVER ? NEVER : System.nanoTime() / 1_000_000 + transitionMillis;
    }

    private void settle() {
        if (moving != null && System.nanoTime() / 1_000_000 >= endsAt) {
            State s = patches.get(moving);
            if (reverse) {
                s.enabled = !s.enabled;
            }
            s.transition = "none";
            moving = null;
        }
    }

    private State require(String id) {
        State s = patches.get(id);
        if (s == null) {
            throw new IllegalStateException("no patch '" + id + "' is loaded");
        }
        return s;
    }
}
