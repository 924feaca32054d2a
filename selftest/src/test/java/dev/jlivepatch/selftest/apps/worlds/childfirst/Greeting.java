package dev.jlivepatch.selftest.apps.worlds.childfirst;

/** The API both copies of {@code Shared} implement: only the parent has it, so the child delegates it. */
public interface Greeting {
    String greet(String name);
}
