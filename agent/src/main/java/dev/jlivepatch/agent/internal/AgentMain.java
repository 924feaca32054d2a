package dev.jlivepatch.agent.internal;

import dev.jlivepatch.agent.internal.control.ControlDoor;
import dev.jlivepatch.agent.internal.core.Livepatch;
import dev.jlivepatch.agent.internal.log.Log;
import dev.jlivepatch.agent.internal.log.ShadowLog;
import dev.jlivepatch.agent.internal.manage.AgentVersion;
import dev.jlivepatch.agent.internal.manage.Control;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.watch.Watcher;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/**
 * Starts the agent: the stub runtime and the patch API in the bootstrap loader (always before
 * {@code premain} returns: the application may use the API at once), the core (once per JVM), the options,
 * and the control surfaces (the MBean, the command line's control directory, and the version property that
 * tells the command line the agent is there). With {@code -javaagent} and no patch to enable before
 * {@code main}, the core and the control surfaces start on a thread of their own, off the application's
 * start-up (the platform MBean server alone costs 150 to 250 ms of CPU): nothing needs the core before a
 * first patch, which can only come through those surfaces. With {@code patch=} or {@code dir=} the runtime, the core and the patches are in place
 * before {@code premain} returns, and only the control surfaces open in the background. On attach
 * everything is in place when this returns, as the command line that attached waits for it.
 */
public final class AgentMain {

    private AgentMain() {
    }

    /**
     * @param text the agent options
     * @param inst the instrumentation
     * @param startup whether this is {@code -javaagent} rather than an attach
     */
    public static void start(String text, Instrumentation inst, boolean startup) {
        Options options = Options.parse(text);
        for (String u : options.unknown()) {
            Log.warn("ignoring unknown agent option '" + u + "'");
        }
        if (startup) {
            AgentVersion.starting();
        }
        // Before main in every case: the application itself may use dev.jlivepatch.api (Shadow) at once,
        // and the shadow variables' warnings go to the agent's log.
        Bootstrap.install(inst);
        ShadowLog.install();
        if (startup && options.patches().isEmpty() && options.dirs().isEmpty()) {
            background(() -> openControl(core(options, inst)));
            return;
        }
        Livepatch core = core(options, inst);
        if (startup) {
            background(() -> openControl(core));
        } else {
            openControl(core);
        }
        for (String jar : options.patches()) {
            try {
                core.load(Path.of(jar), false);
            } catch (PatchException e) {
                // Already logged with its reason; a bad patch never stops the application.
            }
        }
        Watcher.startAll(core, options.dirs(), options.trust(), options.trustPassword());
    }

    /** The core, once the runtime is in the bootstrap loader. */
    private static Livepatch core(Options options, Instrumentation inst) {
        Livepatch core = Livepatch.start(inst);
        if (options.transitionTimeoutSeconds() > 0) {
            core.transitionTimeout(options.transitionTimeoutSeconds() * 1000);
        }
        return core;
    }

    private static void background(Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                Log.error("jlivepatch failed to start: " + e, e);
            }
        }, "jlivepatch-start");
        t.setDaemon(true);
        t.start();
    }

    /** The MBean, then the control directory, then the version: a JVM that shows the version can be reached. */
    private static synchronized void openControl(Livepatch core) {
        ControlDoor.open(Control.register(core));
        AgentVersion.publish();
    }
}
