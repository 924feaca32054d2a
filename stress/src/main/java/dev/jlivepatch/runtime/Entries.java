package dev.jlivepatch.runtime;

/**
 * Distinct entries and fixed-answer transitions for the snapshot tests, so that
 * every entry a read returns tells which snapshot it came from and through
 * which transition's answer. Generation g publishes entries tagged {@code g}
 * (patched) and {@code -g} (unpatched).
 */
final class Entries {
    /** Snapshot 1's transition: every thread is in the patched state. */
    static final ThreadPatchStates ALL_PATCHED = new Fixed(true);
    /** Snapshot 2's transition: every thread is in the unpatched state. */
    static final ThreadPatchStates NONE_PATCHED = new Fixed(false);

    private Entries() {
    }

    /** An entry object (a bridge in the agent) carrying its tag. */
    static final class Entry {
        final int tag;

        Entry(int tag) {
            this.tag = tag;
        }
    }

    /**
     * The tag of what a read returned.
     *
     * @param entry an {@link Entry}, or null for the original body
     * @return its tag, or 0 for the original body
     */
    static int tag(Object entry) {
        return entry == null ? 0 : ((Entry) entry).tag;
    }

    private static final class Fixed extends ThreadPatchStates {
        private final boolean answer;

        Fixed(boolean answer) {
            this.answer = answer;
        }

        @Override
        public boolean patched(FuncSite site) {
            return answer;
        }

        @Override
        public boolean current() {
            return answer;
        }
    }
}
