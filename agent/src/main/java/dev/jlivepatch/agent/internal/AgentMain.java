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

/** Starts the core (once per JVM), registers the MBean, and applies the options. */
public final class AgentMain {

    private AgentMain() {
    }

    public static void start(String text, Instrumentation inst) {
        Options options = Options.parse(text);
        for (String u : options.unknown()) {
            Log.warn("ignoring unknown agent option '" + u + "'");
        }
        Livepatch core = Livepatch.start(inst);
        ShadowLog.install();
        if (options.transitionTimeoutSeconds() > 0) {
            core.transitionTimeout(options.transitionTimeoutSeconds() * 1000);
        }
        // The control directory before the version: a JVM that shows the version can be reached.
        ControlDoor.open(Control.register(core));
        AgentVersion.publish();
        for (String jar : options.patches()) {
            try {
                core.load(Path.of(jar), false);
            } catch (PatchException e) {
                // Already logged with its reason; a bad patch never stops the application.
            }
        }
        Watcher.startAll(core, options.dirs(), options.trust(), options.trustPassword());
    }
}
