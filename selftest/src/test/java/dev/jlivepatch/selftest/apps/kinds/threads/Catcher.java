package dev.jlivepatch.selftest.apps.kinds.threads;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Target: an uncaught-exception handler, which runs in the dying thread as it ends. */
public class Catcher implements Thread.UncaughtExceptionHandler {
    public final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        seen.add("orig " + e.getMessage());
    }
}
