package dev.jlivepatch.selftest.apps.worlds.bbagent;

import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * The test's own ByteBuddy agent, as an APM or tracing agent is built: advice
 * on {@code Greeter.greet} (its result gets {@code " +bb"}), installed with
 * retransformation so that it reaches the class when it is already loaded,
 * at startup ({@code -javaagent}) or by attach. {@link #retransform} makes it
 * retransform the class again later, as such agents do when their
 * configuration changes.
 */
public final class BbAgent {
    static final String TARGET = "dev.jlivepatch.selftest.apps.worlds.agents.Greeter";
    private static Instrumentation inst;

    private BbAgent() {
    }

    public static void premain(String args, Instrumentation i) {
        install(i);
    }

    public static void agentmain(String args, Instrumentation i) {
        install(i);
    }

    private static synchronized void install(Instrumentation i) {
        if (inst != null) {
            return;
        }
        inst = i;
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.Listener.StreamWriting.toSystemError().withErrorsOnly())
                .type(ElementMatchers.named(TARGET))
                .transform((builder, type, loader, module, domain) -> builder.visit(
                        Advice.to(Suffix.class).on(ElementMatchers.named("greet"))))
                .installOn(i);
    }

    /** Retransforms the loaded target classes again; answers how many. */
    public static synchronized String retransform() throws Exception {
        int n = 0;
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.getName().equals(TARGET)) {
                inst.retransformClasses(c);
                n++;
            }
        }
        return "retransformed " + n;
    }
}
