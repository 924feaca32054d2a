package dev.jlivepatch.agent.internal.manage;

import dev.jlivepatch.agent.internal.core.Livepatch;
import dev.jlivepatch.agent.internal.core.Patch;
import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.patch.PatchException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.ObjectName;

/** The MBean: every control surface goes through these operations. */
public final class Control implements LivepatchMXBean {
    public static final String NAME = "dev.jlivepatch:type=Livepatch";
    private final Livepatch core;

    private Control(Livepatch core) {
        this.core = core;
    }

    public static void register(Livepatch core) {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new Control(core), new ObjectName(NAME));
        } catch (InstanceAlreadyExistsException e) {
            // attached again: the first registration stays
        } catch (JMException | RuntimeException e) {
            Log.warn("cannot register the " + NAME + " MBean: " + e);
        }
    }

    @Override
    public List<PatchInfo> getPatches() {
        List<PatchInfo> out = new ArrayList<>();
        for (Patch p : core.patches()) {
            List<String> targets = new ArrayList<>();
            for (Map.Entry<String, Integer> e : core.appliedTo(p).entrySet()) {
                targets.add(e.getKey() + (e.getValue() > 1 ? " (in " + e.getValue() + " class loaders)" : ""));
            }
            out.add(new PatchInfo(p.id(), p.enabled(), p.transition(), targets));
        }
        return out;
    }

    @Override
    public String load(String path) {
        try {
            return core.load(Path.of(path)).id();
        } catch (PatchException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    @Override
    public void enable(String id) {
        try {
            core.enable(id);
        } catch (PatchException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    @Override
    public void disable(String id) {
        try {
            core.disable(id);
        } catch (PatchException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    @Override
    public void force(String id) {
        try {
            core.force(id);
        } catch (PatchException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    @Override
    public boolean awaitTransition(long millis) {
        try {
            return core.awaitTransition(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public List<String> getBlockers() {
        List<String> out = new ArrayList<>();
        core.blockers().forEach(b -> out.add(b.toString()));
        return out;
    }

    @Override
    public void remove(String id) {
        try {
            core.remove(id);
        } catch (PatchException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }
}
