package dev.jlivepatch.agent.internal.build;

import dev.jlivepatch.agent.internal.build.Diff.What;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Compares two builds class by class and method by method. Differences that
 * do not change behaviour (line numbers, constant-pool order, local variable
 * names, frames, generic signatures, annotations, compiler-given lambda
 * names) are not differences here. The synthetic classes that hold an enum
 * switch's table ({@link SwitchMaps}) are left out: patched code carries its
 * own copy of the new build's table.
 */
final class Differ {
    static final int CLASS_FLAGS = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_INTERFACE
            | Opcodes.ACC_ABSTRACT | Opcodes.ACC_ANNOTATION | Opcodes.ACC_ENUM;
    static final int FIELD_FLAGS = Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED
            | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_VOLATILE | Opcodes.ACC_TRANSIENT | Opcodes.ACC_ENUM;
    /** Varargs and strictfp change nothing a caller of the running code sees; the rest does. */
    static final int METHOD_FLAGS = Opcodes.ACC_PUBLIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_PROTECTED
            | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_BRIDGE
            | Opcodes.ACC_NATIVE | Opcodes.ACC_ABSTRACT;

    /** A call site's bootstrap method, left out where a difference is shown (its arguments stay). */
    private static final java.util.regex.Pattern BOOTSTRAP = java.util.regex.Pattern.compile(" handle \\d+ \\S+ \\[");

    private final List<Diff> out = new ArrayList<>();

    private Differ() {
    }

    static List<Diff> compare(Build old, Build now) {
        Differ d = new Differ();
        TreeSet<String> names = new TreeSet<>();
        old.names().forEach(names::add);
        now.names().forEach(names::add);
        for (String name : names) {
            ClassNode o = old.node(name);
            ClassNode n = now.node(name);
            boolean oldMap = o != null && SwitchMaps.is(o);
            boolean newMap = n != null && SwitchMaps.is(n);
            if (o != null && !oldMap && (n == null || newMap)) {
                d.out.add(Diff.ofClass(What.CLASS_REMOVED, name, "removed"));
            } else if (n != null && !newMap && (o == null || oldMap)) {
                d.out.add(Diff.ofClass(What.CLASS_NEW, name, "new class"));
            } else if (o != null && n != null && !oldMap) {
                d.compareClass(o, n);
            }
        }
        return d.out;
    }

    private void compareClass(ClassNode o, ClassNode n) {
        if (!Objects.equals(o.superName, n.superName)) {
            out.add(Diff.ofClass(What.SUPERCLASS, n.name, "superclass changed from " + Names.type(o.superName)
                    + " to " + Names.type(n.superName)));
        }
        TreeSet<String> added = new TreeSet<>(n.interfaces);
        added.removeAll(o.interfaces);
        TreeSet<String> removed = new TreeSet<>(o.interfaces);
        removed.removeAll(n.interfaces);
        if (!added.isEmpty() || !removed.isEmpty()) {
            out.add(Diff.ofClass(What.INTERFACES, n.name, "interfaces changed:"
                    + (added.isEmpty() ? "" : " added " + Names.types(added))
                    + (added.isEmpty() || removed.isEmpty() ? "" : ";")
                    + (removed.isEmpty() ? "" : " removed " + Names.types(removed))));
        }
        if ((o.access & CLASS_FLAGS) != (n.access & CLASS_FLAGS)) {
            out.add(Diff.ofClass(What.CLASS_MODIFIERS, n.name, "modifiers changed from '"
                    + Names.classFlags(o.access) + "' to '" + Names.classFlags(n.access) + "'"));
        }
        compareFields(o, n);
        compareMethods(o, n);
    }

    private void compareFields(ClassNode o, ClassNode n) {
        Map<String, FieldNode> olds = new LinkedHashMap<>();
        o.fields.forEach(f -> olds.put(f.name, f));
        for (FieldNode f : n.fields) {
            FieldNode g = olds.remove(f.name);
            String key = f.name + " " + f.desc;
            if (g == null) {
                out.add(Diff.ofField(What.FIELD_NEW, n.name, key, "new field " + Names.field(f)));
            } else if (!g.desc.equals(f.desc)) {
                out.add(Diff.ofField(What.FIELD_RETYPED, n.name, key, "field " + f.name + " changed type from "
                        + Names.desc(g.desc) + " to " + Names.desc(f.desc)));
            } else if ((g.access & FIELD_FLAGS) != (f.access & FIELD_FLAGS)) {
                out.add(Diff.ofField(What.FIELD_MODIFIERS, n.name, key, "field " + f.name
                        + " changed modifiers from '" + Names.fieldFlags(g.access) + "' to '"
                        + Names.fieldFlags(f.access) + "'"));
            } else if (!Objects.equals(g.value, f.value)) {
                out.add(Diff.ofField(What.FIELD_CONSTANT, n.name, key, "constant " + f.name + " changed from "
                        + Normalizer.constant(g.value) + " to " + Normalizer.constant(f.value)));
            }
        }
        for (FieldNode g : olds.values()) {
            out.add(Diff.ofField(What.FIELD_REMOVED, n.name, g.name + " " + g.desc, "field " + Names.field(g)
                    + " removed"));
        }
    }

    private void compareMethods(ClassNode o, ClassNode n) {
        Lambdas ol = Lambdas.of(o);
        Lambdas nl = Lambdas.of(n);
        Map<String, MethodNode> olds = new LinkedHashMap<>();
        for (MethodNode m : o.methods) {
            if (!ol.isBody(m)) {
                olds.put(m.name + m.desc, m);
            }
        }
        for (MethodNode m : n.methods) {
            if (nl.isBody(m)) {
                continue;
            }
            String key = m.name + m.desc;
            MethodNode g = olds.remove(key);
            if (g == null) {
                out.add(Diff.ofMethod(What.METHOD_NEW, n.name, key, "new method"));
            } else if ((g.access & METHOD_FLAGS) != (m.access & METHOD_FLAGS)) {
                out.add(Diff.ofMethod(What.METHOD_MODIFIERS, n.name, key, "modifiers changed from '"
                        + Names.methodFlags(g.access) + "' to '" + Names.methodFlags(m.access) + "'"));
            } else {
                compareBodies(n.name, key, g, m, ol, nl, false);
            }
        }
        for (MethodNode g : olds.values()) {
            out.add(Diff.ofMethod(What.METHOD_REMOVED, n.name, g.name + g.desc, "removed"));
        }
    }

    /** @return whether anything differs */
    private boolean compareBodies(String owner, String root, MethodNode o, MethodNode n, Lambdas ol, Lambdas nl,
                                  boolean lambda) {
        List<String> a = Normalizer.canonical(o, ol);
        List<String> b = Normalizer.canonical(n, nl);
        String key = n.name + n.desc;
        if (!a.equals(b)) {
            out.add(lambda ? new Diff(What.LAMBDA_BODY, owner, key, root, o.name + o.desc, "lambda body changed",
                    difference(a, b)) : new Diff(What.BODY, owner, key, key, null, "body changed", difference(a, b)));
            return true;
        }
        // Same instructions, lambdas at the same places: compare each lambda with its counterpart.
        List<MethodNode> los = ol.createdBy(o);
        List<MethodNode> lns = nl.createdBy(n);
        boolean any = false;
        for (int k = 0; k < Math.min(los.size(), lns.size()); k++) {
            any |= compareBodies(owner, root, los.get(k), lns.get(k), ol, nl, true);
        }
        if (!lambda) {
            out.add(Diff.ofMethod(What.UNCHANGED, owner, key, any ? "unchanged but for its lambdas" : "unchanged"));
        }
        return any;
    }

    /** Where two instruction lists part, for people: the differing stretch of each, shortened. */
    static String difference(List<String> a, List<String> b) {
        int p = 0;
        while (p < a.size() && p < b.size() && a.get(p).equals(b.get(p))) {
            p++;
        }
        int s = 0;
        while (s < a.size() - p && s < b.size() - p && a.get(a.size() - 1 - s).equals(b.get(b.size() - 1 - s))) {
            s++;
        }
        return "at instruction " + (p + 1) + " of " + b.size() + ": " + excerpt(a.subList(p, a.size() - s))
                + " -> " + excerpt(b.subList(p, b.size() - s));
    }

    private static String excerpt(List<String> insns) {
        if (insns.isEmpty()) {
            return "(nothing)";
        }
        List<String> brief = new ArrayList<>();
        for (String i : insns.subList(0, Math.min(3, insns.size()))) {
            brief.add(BOOTSTRAP.matcher(i).replaceAll(" ["));
        }
        String shown = String.join("; ", brief);
        return insns.size() > 3 ? shown + "; ... (" + insns.size() + " instructions)" : shown;
    }
}
