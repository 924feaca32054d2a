package dev.jlivepatch.selftest.apps.hammer;

/** What the target classes do, called from the application through their own class loaders. */
public interface Task {
    /** @return the version that ran: {@code orig}, or the id of the patch whose replacement ran */
    String work();

    /** As {@link #work()}, after sleeping inside the method: a transition affecting it waits meanwhile. */
    String slow(long millis);
}
