package dev.jlivepatch.agent.internal.patch;

/** One of a patch class's four callbacks. */
public record Callback(Kind kind, String method, String desc) {

    /** The four callbacks, in the kernel's names. */
    public enum Kind {
        PRE_PATCH("pre-patch", "PrePatch"),
        POST_PATCH("post-patch", "PostPatch"),
        PRE_UNPATCH("pre-unpatch", "PreUnpatch"),
        POST_UNPATCH("post-unpatch", "PostUnpatch");

        public final String label;
        public final String annotation;

        Kind(String label, String annotation) {
            this.label = label;
            this.annotation = annotation;
        }
    }

    public boolean takesTarget() {
        return !desc.startsWith("()");
    }

    public boolean returnsBoolean() {
        return desc.endsWith(")Z");
    }
}
