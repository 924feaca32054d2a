package dev.jlivepatch.selftest.apps.kinds.threads;

/** Target: a Thread subclass whose run() (the new thread's first frame) is patched. */
public class Task extends Thread {
    public volatile String result;

    public Task(String name) {
        super(name);
    }

    @Override
    public void run() {
        result = "orig " + getName();
    }
}
