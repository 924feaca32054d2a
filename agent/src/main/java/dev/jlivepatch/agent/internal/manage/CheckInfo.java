package dev.jlivepatch.agent.internal.manage;

import java.beans.ConstructorProperties;

/** One check of a dry run and its outcome. */
public final class CheckInfo {
    private final String name;
    private final boolean passed;
    private final String detail;

    /**
     * @param name {@code jar}, {@code transition}, {@code states} or {@code targets}
     * @param passed whether it passed
     * @param detail what was found, or the reason a load would be refused with
     */
    @ConstructorProperties({"name", "passed", "detail"})
    public CheckInfo(String name, boolean passed, String detail) {
        this.name = name;
        this.passed = passed;
        this.detail = detail;
    }

    /** @return the check: {@code jar}, {@code transition}, {@code states} or {@code targets} */
    public String getName() {
        return name;
    }

    /** @return whether it passed */
    public boolean isPassed() {
        return passed;
    }

    /** @return what was found, or why it failed (the one-line reason a load would give) */
    public String getDetail() {
        return detail;
    }
}
