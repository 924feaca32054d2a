package dev.jlivepatch.agent.internal.build;

import dev.jlivepatch.agent.internal.build.Report.Decision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.commons.SimpleRemapper;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The classes a patch carries whole: classes only the new build has that
 * the patched code uses (transitively), and copies of enum switch tables.
 * Carried classes live in the patch's class loader, in their own package as
 * there: their nest attributes go (the patch's loader is a runtime package
 * apart from the running classes), and a private member another class of the
 * jar uses becomes package-private.
 */
final class Carrier {
    private final Generator gen;
    private final Map<String, String> switchMaps = new TreeMap<>();
    private final Set<String> carried = new TreeSet<>();

    Carrier(Generator gen) {
        this.gen = gen;
    }

    /** The patch's copy of an enum switch table class, {@code Outer$1$$Livepatch}. */
    String switchMap(String name) {
        String known = switchMaps.get(name);
        if (known != null) {
            return known;
        }
        String copy = name + Generator.SUFFIX;
        switchMaps.put(name, copy);
        ClassNode src = gen.now().copy(name);
        ClassNode c = new ClassNode();
        src.accept(new ClassRemapper(c, new SimpleRemapper(name, copy)));
        c.innerClasses.clear();
        c.outerClass = null;
        c.outerMethod = null;
        c.outerMethodDesc = null;
        c.nestHostClass = null;
        c.nestMembers = null;
        gen.classes().put(copy, c);
        gen.report(Decision.CARRY, Names.type(name), gen.now().at(name, null), "the table of an enum switch the"
                + " patched code makes, carried as " + Names.type(copy) + " (the running class's table is"
                + " the old one)");
        for (MethodNode m : c.methods) {
            String where = Names.method(name, m.name, m.desc);
            gen.later(() -> Relinker.relink(gen, m, copy, false, c, where, null));
        }
        return copy;
    }

    /** Carries every class of the new build only that a class of the jar names, until none is missing. */
    void closure() {
        for (ClassNode c : new ArrayList<>(gen.classes().values())) {
            for (String n : references(c)) {
                if (gen.now().has(n) && !gen.old().has(n) && !carried.contains(n)
                        && !SwitchMaps.is(gen.now().node(n))) {
                    carry(n);
                }
            }
        }
    }

    private void carry(String name) {
        carried.add(name);
        ClassNode c = gen.now().copy(name);
        c.nestHostClass = null;
        c.nestMembers = null;
        gen.classes().put(name, c);
        gen.report(Decision.CARRY, Names.type(name), gen.now().at(name, null), "new class the patched code uses,"
                + " carried in the patch jar");
        for (MethodNode m : c.methods) {
            String where = Names.method(name, m.name, m.desc);
            String at = gen.now().at(name, m.name + m.desc);
            gen.later(() -> Relinker.relink(gen, m, name, false, c, where, at));
        }
    }

    /** Makes package-private each private member of a carried class that another class of the jar uses. */
    void widen() {
        Map<String, ClassNode> all = gen.classes();
        for (ClassNode user : all.values()) {
            for (MethodNode m : user.methods) {
                for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
                    if (i instanceof MethodInsnNode mi) {
                        open(all.get(mi.owner), user, mi.name, mi.desc);
                    } else if (i instanceof FieldInsnNode f) {
                        open(all.get(f.owner), user, f.name, f.desc);
                    } else if (i instanceof InvokeDynamicInsnNode d) {
                        for (Object a : d.bsmArgs) {
                            if (a instanceof Handle h) {
                                open(all.get(h.getOwner()), user, h.getName(), h.getDesc());
                            }
                        }
                    }
                }
            }
        }
    }

    private static void open(ClassNode owner, ClassNode user, String name, String desc) {
        if (owner == null || owner == user) {
            return;
        }
        for (MethodNode m : owner.methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                m.access &= ~Opcodes.ACC_PRIVATE;
            }
        }
        for (FieldNode f : owner.fields) {
            if (f.name.equals(name) && f.desc.equals(desc)) {
                f.access &= ~Opcodes.ACC_PRIVATE;
            }
        }
    }

    /**
     * Notes a carried class that the patches of several targets use: the
     * agent defines the jar's classes once per patch class, so each target's
     * patch gets its own copy (its own statics; its objects are not the
     * other's type).
     */
    void shared(Set<String> targets) {
        Map<String, Set<String>> graph = new HashMap<>();
        for (ClassNode c : gen.classes().values()) {
            graph.put(c.name, references(c));
        }
        Map<String, List<String>> users = new TreeMap<>();
        for (String t : targets) {
            Deque<String> todo = new ArrayDeque<>(List.of(Generator.patchClassName(t)));
            Set<String> seen = new HashSet<>();
            while (!todo.isEmpty()) {
                String c = todo.pop();
                if (seen.add(c) && graph.containsKey(c)) {
                    todo.addAll(graph.get(c));
                    if (carried.contains(c)) {
                        users.computeIfAbsent(c, k -> new ArrayList<>()).add(Names.type(t));
                    }
                }
            }
        }
        users.forEach((c, ts) -> {
            if (ts.size() > 1) {
                gen.report(Decision.NOTE, Names.type(c), null, "used by the patches of " + String.join(", ", ts)
                        + ": each gets its own copy of the class (its static fields are not shared, and an object"
                        + " made by one is not of the other's class)");
            }
        });
    }

    /** The classes a class names anywhere: code, frames, signatures, constants. */
    private static Set<String> references(ClassNode c) {
        Set<String> names = new TreeSet<>();
        // A ClassNode as the sink: a bare ClassVisitor would skip the methods (its visitMethod returns null).
        c.accept(new ClassRemapper(new ClassNode(), new Remapper() {
            @Override
            public String map(String internalName) {
                names.add(internalName);
                return internalName;
            }
        }));
        return names;
    }
}
