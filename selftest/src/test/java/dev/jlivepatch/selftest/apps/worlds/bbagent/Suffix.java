package dev.jlivepatch.selftest.apps.worlds.bbagent;

import net.bytebuddy.asm.Advice;

/** The advice: inlined at each exit of the advised method, it appends " +bb" to the result. */
public final class Suffix {
    private Suffix() {
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Return(readOnly = false) String result) {
        result = result + " +bb";
    }
}
