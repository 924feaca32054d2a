package dev.jlivepatch.agent.internal.build;

/**
 * One difference between the two builds (or, for {@link What#UNCHANGED}, the
 * lack of one), as the comparison finds it, before any decision.
 *
 * @param what what changed
 * @param owner the class (internal name)
 * @param member the member as {@code name + desc} (a field: {@code name desc}), or null for the class
 * @param root for a method or lambda, the method (of {@code owner}, {@code name + desc}) that {@code --include}
 *             patterns are matched against: a lambda's creating method, itself otherwise; null for the rest
 * @param oldMember for a lambda: the old build's lambda at the same position ({@code name + desc})
 * @param detail what differs, for people
 * @param excerpt for a changed body: where the instructions part, with the differing stretches; or null
 */
record Diff(What what, String owner, String member, String root, String oldMember, String detail, String excerpt) {

    /** The kinds of differences. */
    enum What {
        CLASS_NEW, CLASS_REMOVED, SUPERCLASS, INTERFACES, CLASS_MODIFIERS,
        FIELD_NEW, FIELD_REMOVED, FIELD_RETYPED, FIELD_MODIFIERS, FIELD_CONSTANT,
        UNCHANGED, BODY, LAMBDA_BODY, METHOD_NEW, METHOD_REMOVED, METHOD_MODIFIERS
    }

    static Diff ofClass(What what, String owner, String detail) {
        return new Diff(what, owner, null, null, null, detail, null);
    }

    static Diff ofField(What what, String owner, String field, String detail) {
        return new Diff(what, owner, field, null, null, detail, null);
    }

    static Diff ofMethod(What what, String owner, String method, String detail) {
        return new Diff(what, owner, method, method, null, detail, null);
    }

    /** Whether this is about a method (or lambda) rather than the class or a field. */
    boolean aboutMethod() {
        return root != null;
    }

    String name() {
        if (member == null) {
            return null;
        }
        int paren = member.indexOf('(');
        int space = member.indexOf(' ');
        return member.substring(0, paren >= 0 ? paren : space >= 0 ? space : member.length());
    }

    String desc() {
        return member.substring(name().length()).trim();
    }
}
