package dev.jlivepatch.agent.internal.manage;

import dev.jlivepatch.agent.internal.core.LoadedPatch;
import dev.jlivepatch.agent.internal.core.Livepatch;
import dev.jlivepatch.agent.internal.core.PatchStatus;
import dev.jlivepatch.agent.internal.core.TransitionRecord;
import dev.jlivepatch.agent.internal.transition.Blocker;
import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.PatchException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The MBean: every control surface goes through these operations. Refusals
 * are thrown as {@link IllegalStateException} with the core's one-line
 * reason: a JDK type, so that a remote client can deserialize it.
 */
public final class Control implements LivepatchMXBean {
    /** The MBean's name, fixed: clients and scripts use it. */
    public static final String NAME = "dev.jlivepatch:type=Livepatch";
    private final Livepatch core;

    private Control(Livepatch core) {
        this.core = core;
    }

    /**
     * Registers the MBean once per JVM; a second attach finds it registered and keeps it.
     *
     * @param core the core the operations act on
     * @return the operations, for the command line's channel (also when the MBean could not be registered)
     */
    public static LivepatchMXBean register(Livepatch core) {
        Control control = new Control(core);
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(control, new ObjectName(NAME));
        } catch (InstanceAlreadyExistsException e) {
            // attached again: the first registration stays
        } catch (JMException | RuntimeException e) {
            Log.warn("cannot register the " + NAME + " MBean: " + e);
        }
        return control;
    }

    @Override
    public String getVersion() {
        return AgentVersion.current();
    }

    @Override
    public List<PatchInfo> getPatches() {
        List<PatchInfo> out = new ArrayList<>();
        for (PatchStatus s : core.status()) {
            LoadedPatch p = s.patch();
            out.add(new PatchInfo(p.id(), p.jar().description(), s.enabled(), s.transition().label(), s.forced(),
                    p.jar().replace(), s.stackOrder(), Targets.of(s.targets())));
        }
        return out;
    }

    @Override
    public List<String> getBlockers() {
        List<String> out = new ArrayList<>();
        core.blockers().forEach(b -> out.add(b.toString()));
        return out;
    }

    @Override
    public List<BlockerInfo> getBlockingThreads() {
        List<BlockerInfo> out = new ArrayList<>();
        for (Blocker b : core.blockers()) {
            out.add(new BlockerInfo(b.thread(), b.id(), b.virtual(), b.frame()));
        }
        return out;
    }

    @Override
    public TransitionInfo getLastTransition() {
        TransitionRecord r = core.lastTransition();
        return r == null ? null : new TransitionInfo(r.patch(), r.kind(), r.nanos() / 1e6, r.rounds(),
                r.selfSwitched(), r.managerSwitched(), r.reversed(), r.forced());
    }

    @Override
    public String load(String path) {
        return load(path, false);
    }

    @Override
    public String load(String path, boolean deferredTargets) {
        try {
            return core.load(Path.of(path), deferredTargets).id();
        } catch (PatchException e) {
            throw refused(e);
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("'" + path + "' is not a valid path: " + e.getReason());
        }
    }

    @Override
    public DryRunInfo dryRun(String path, boolean deferredTargets) {
        try {
            return Reports.dryRun(core.dryRun(Path.of(path), deferredTargets));
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("'" + path + "' is not a valid path: " + e.getReason());
        }
    }

    @Override
    public CallsInfo getCalls() {
        return Reports.calls(core.calls().read());
    }

    @Override
    public CallsInfo countCalls(long millis) {
        return Reports.calls(core.calls().start(millis));
    }

    @Override
    public CallsInfo stopCounting() {
        core.calls().stop();
        return getCalls();
    }

    @Override
    public void enable(String id) {
        run(core::enable, id);
    }

    @Override
    public void disable(String id) {
        run(core::disable, id);
    }

    @Override
    public void remove(String id) {
        run(core::remove, id);
    }

    @Override
    public void force(String id) {
        run(core::force, id);
    }

    /** An operation on one patch of the core. */
    private interface Operation {
        void on(String id) throws PatchException;
    }

    private static void run(Operation op, String id) {
        try {
            op.on(id);
        } catch (PatchException e) {
            throw refused(e);
        }
    }

    @Override
    public boolean awaitTransition(long millis) {
        try {
            return core.awaitTransition(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Only the message crosses JMX: the cause may be a patch's own class, unknown to the client. */
    private static IllegalStateException refused(PatchException e) {
        return new IllegalStateException(e.getMessage());
    }
}
