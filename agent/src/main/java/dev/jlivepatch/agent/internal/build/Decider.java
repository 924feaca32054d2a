package dev.jlivepatch.agent.internal.build;

import dev.jlivepatch.agent.internal.build.Diff.What;
import dev.jlivepatch.agent.internal.build.Report.Decision;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.MethodNode;

/**
 * Decides, for each difference, what the patch does: replace the method,
 * carry new code on demand, refuse what cannot be patched safely (with the
 * cause and where it is), or leave out what no {@code --include} names.
 */
final class Decider {
    static final String SHADOW = "keep such state in a shadow variable instead (dev.jlivepatch.api.Shadow,"
            + " docs/shadow-variables.md)";

    private final Build old;
    private final Build now;
    private final Includes includes;
    private final Report report;
    private final Plan plan = new Plan();

    private Decider(Build old, Build now, Includes includes, Report report) {
        this.old = old;
        this.now = now;
        this.includes = includes;
        this.report = report;
    }

    static Plan decide(List<Diff> diffs, Build old, Build now, Includes includes, Report report) {
        Decider d = new Decider(old, now, includes, report);
        List<Diff> later = new ArrayList<>();
        for (Diff diff : diffs) {
            boolean taken = diff.aboutMethod() ? includes.method(diff.owner(), name(diff.root()))
                    : includes.wholeClass(diff.owner());
            // New classes and helpers are carried when the taken changes need them, whatever the patterns say.
            boolean onDemand = diff.what() == What.CLASS_NEW || diff.what() == What.METHOD_NEW && d.helper(diff);
            if (!taken && diff.what() == What.UNCHANGED) {
                d.decide(diff);
            } else if (!taken && !onDemand) {
                d.entry(Decision.EXCLUDE, diff, diff.detail() + "; no --include pattern names it");
            } else if (diff.what() == What.METHOD_REMOVED || diff.what() == What.METHOD_NEW) {
                later.add(diff); // once every replaced method is known
            } else {
                d.decide(diff);
            }
        }
        for (Diff diff : later) {
            if (diff.what() == What.METHOD_NEW) {
                d.added(diff, later);
            } else {
                d.removed(diff, diffs);
            }
        }
        return d.plan;
    }

    private void decide(Diff d) {
        switch (d.what()) {
            case CLASS_NEW -> plan.newClasses.add(d.owner());
            case CLASS_REMOVED -> entry(Decision.NOTE, d, "removed from the new build; the running class stays as"
                    + " it is, and the patched code does not use it");
            case SUPERCLASS, INTERFACES -> entry(Decision.REFUSE, d, d.detail() + ": a patch cannot change the"
                    + " class hierarchy of a loaded class");
            case CLASS_MODIFIERS -> entry(Decision.REFUSE, d, d.detail() + ": a patch cannot change a loaded"
                    + " class's modifiers");
            case FIELD_NEW -> entry(Decision.REFUSE, d, d.detail() + ": a patch cannot add a field to a loaded class;"
                    + " " + SHADOW);
            case FIELD_REMOVED -> entry(Decision.REFUSE, d, d.detail() + ": a patch cannot remove a field; the"
                    + " running objects keep it, and code left out of the patch may still use it");
            case FIELD_RETYPED -> entry(Decision.REFUSE, d, d.detail() + ": a patch cannot change a field's type; "
                    + SHADOW);
            case FIELD_MODIFIERS -> entry(Decision.REFUSE, d, d.detail() + ": a patch cannot change a field's"
                    + " modifiers");
            case FIELD_CONSTANT -> entry(Decision.NOTE, d, d.detail() + ": the compiler copies a constant into the"
                    + " code that uses it, so the methods using it changed and are replaced; reflection still"
                    + " reads the old value");
            case METHOD_MODIFIERS -> entry(Decision.REFUSE, d, d.detail() + ": a patch cannot change a method's"
                    + " modifiers");
            case UNCHANGED -> entry(Decision.UNCHANGED, d, d.detail());
            case BODY -> body(d);
            case LAMBDA_BODY -> {
                plan.replace(d.owner(), d.oldMember(), d.member());
                report.add(Decision.REPLACE, Names.member(d.owner(), d.oldMember()), now.at(d.owner(), d.member()),
                        "lambda body changed: a lambda of " + Names.signature(name(d.root()), desc(d.root()))
                                + ", replaced in place by the new build's " + name(d.member()), d.excerpt());
            }
            default -> throw new IllegalStateException(d.toString());
        }
    }

    private void body(Diff d) {
        String name = d.name();
        MethodNode m = now.declared(d.owner(), name, d.desc());
        if (name.equals("<init>")) {
            entry(Decision.REFUSE, d, "constructor " + d.detail() + ": constructors cannot be patched (objects"
                    + " already built keep what the old one did); move the change into a method");
        } else if (name.equals("<clinit>")) {
            entry(Decision.REFUSE, d, "static initialiser " + d.detail() + ": it ran when the class was loaded"
                    + " and does not run again");
        } else if ((m.access & Opcodes.ACC_BRIDGE) != 0) {
            entry(Decision.REFUSE, d, "bridge method " + d.detail() + ": the compiler's bridges cannot be patched");
        } else {
            plan.replace(d.owner(), d.member(), d.member());
            entry(Decision.REPLACE, d, d.detail());
        }
    }

    /** Whether a new method can be carried as a static helper (a new constructor is checked where it is used). */
    private boolean helper(Diff d) {
        MethodNode m = now.declared(d.owner(), d.name(), d.desc());
        return !d.name().equals("<clinit>")
                && ((m.access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) != 0 || d.name().equals("<init>"));
    }

    private void added(Diff d, List<Diff> others) {
        MethodNode m = now.declared(d.owner(), d.name(), d.desc());
        boolean helper = helper(d);
        Diff retyped = others.stream().filter(o -> o.what() == What.METHOD_REMOVED && o.owner().equals(d.owner())
                && o.name().equals(d.name())).findFirst().orElse(null);
        if (d.name().equals("<clinit>")) {
            entry(Decision.REFUSE, d, "new static initialiser: it would never run in the loaded class");
        } else if (helper) {
            plan.newMethods.add(d.owner() + "." + d.member()); // carried if the patched code calls it
        } else if (retyped != null) {
            entry(Decision.NOTE, d, "the new signature of " + Names.signature(retyped.name(), retyped.desc())
                    + " (see there)");
        } else {
            entry(Decision.REFUSE, d, "new " + Names.methodFlags(m.access) + " instance method: a patch cannot add a"
                    + " method that the JVM dispatches virtually (it may override or be overridden); make it"
                    + " private or static, or leave it out with --include");
        }
    }

    private void removed(Diff d, List<Diff> all) {
        MethodNode g = old.declared(d.owner(), d.name(), d.desc());
        String renamed = null;
        for (Diff other : all) {
            if (other.what() == What.METHOD_NEW && other.owner().equals(d.owner()) && other.name().equals(d.name())) {
                renamed = Names.signature(other.name(), other.desc());
            }
        }
        String what = renamed == null ? "removed" : "signature changed to " + renamed;
        if ((g.access & Opcodes.ACC_PRIVATE) != 0) {
            entry(Decision.NOTE, d, what + "; it is private, so only its class and nestmates called it, and"
                    + " those calls changed with it and are replaced");
            return;
        }
        List<String> outside = new ArrayList<>();
        for (String caller : Callers.of(old, d.owner(), d.name(), d.desc())) {
            if (!plan.replaces(caller) && !caller.startsWith(d.owner() + "." + d.member())) {
                int dot = caller.indexOf('.');
                outside.add(Names.member(caller.substring(0, dot), caller.substring(dot + 1)));
            }
        }
        String calledBy = outside.isEmpty() ? "" : "; called by " + String.join(", ", outside.subList(0,
                Math.min(5, outside.size()))) + (outside.size() > 5 ? " and " + (outside.size() - 5) + " more" : "");
        boolean visible = (g.access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0;
        if (visible || !outside.isEmpty()) {
            entry(Decision.REFUSE, d, what + ": callers outside the patch still call the old method"
                    + (visible ? " (it is " + Names.methodFlags(g.access) + ": code in other jars may call it too)"
                    : "") + calledBy);
        } else {
            entry(Decision.NOTE, d, what + "; no caller outside the patch calls the old one");
        }
    }

    private void entry(Decision decision, Diff d, String what) {
        Build in = d.what() == What.CLASS_REMOVED || d.what() == What.METHOD_REMOVED || d.what() == What.FIELD_REMOVED
                ? old : now;
        String where = d.member() == null ? Names.type(d.owner()) : Names.member(d.owner(), d.member());
        MethodNode m = d.aboutMethod() ? in.declared(d.owner(), d.name(), d.desc()) : null;
        if (m != null && (m.access & Opcodes.ACC_BRIDGE) != 0) {
            where += " [bridge to " + org.objectweb.asm.Type.getReturnType(m.desc).getClassName() + "]";
        }
        report.add(decision, where, in.at(d.owner(), d.member()), what, d.excerpt());
    }

    private static String name(String member) {
        return member.substring(0, member.indexOf('('));
    }

    private static String desc(String member) {
        return member.substring(member.indexOf('('));
    }
}
