package dev.jlivepatch.agent.internal.build;

import dev.jlivepatch.agent.internal.build.Report.Decision;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Makes the patch jar's classes. Each target class {@code C} with a changed
 * method gets a patch class {@code C$$Livepatch} in the same package,
 * annotated {@code @Patch(target = "C")}, holding a static {@code @Replace}
 * method per changed method (the receiver first for an instance method) whose
 * body is the new build's. The same class holds what those bodies need that
 * the running class lacks, as static methods: new private and static helper
 * methods, lambda bodies, bridges for method references. New classes and
 * enum switch tables are carried as classes of their own ({@link Carrier}).
 * Everything carried is relinked ({@link Relinker}), so it runs against the
 * old build's classes.
 */
final class Generator {
    static final String SUFFIX = "$$Livepatch";
    private static final String API = "Ldev/jlivepatch/api/";

    private final Build old;
    private final Build now;
    private final Report report;
    private final Map<String, ClassNode> classes = new TreeMap<>();
    private final Set<String> targets = new TreeSet<>();
    private final Map<String, String> carried = new HashMap<>();
    private final Map<String, Handle> bridges = new HashMap<>();
    private final Map<String, Lambdas> lambdas = new HashMap<>();
    /** Where each method of a patch class comes from: "class.name(desc)" to {where, at}. */
    private final Map<String, String[]> origins = new HashMap<>();
    private final Deque<Runnable> work = new ArrayDeque<>();
    private final Carrier carrier;

    Generator(Build old, Build now, Report report) {
        this.old = old;
        this.now = now;
        this.report = report;
        this.carrier = new Carrier(this);
    }

    Build old() {
        return old;
    }

    Build now() {
        return now;
    }

    Map<String, ClassNode> classes() {
        return classes;
    }

    static String patchClassName(String target) {
        return target + SUFFIX;
    }

    Lambdas lambdas(String owner) {
        return lambdas.computeIfAbsent(owner, o -> Lambdas.of(now.node(o)));
    }

    /** Replaces one method of the old build with the new build's body. */
    void replace(Plan.Replace r) {
        int paren = r.source().indexOf('(');
        String target = r.target().substring(0, r.target().indexOf('('));
        MethodNode m = now.copyMethod(r.owner(), r.source().substring(0, paren), r.source().substring(paren));
        ClassNode pc = patchClass(r.owner());
        String name = unique(pc, target, Statics.desc(r.owner(), m.access, m.desc));
        String where = Names.member(r.owner(), r.source());
        String at = now.at(r.owner(), r.source());
        Statics.convert(r.owner(), m, name);
        AnnotationNode replace = new AnnotationNode(API + "Replace;");
        if (!name.equals(target)) {
            replace.values = new ArrayList<>(List.of("method", target));
        }
        m.visibleAnnotations = new ArrayList<>(List.of(replace));
        pc.methods.add(m);
        origins.put(pc.name + "." + m.name + m.desc, new String[] {where, at});
        targets.add(r.owner());
        work.add(() -> Relinker.relink(this, m, r.owner(), true, pc, where, at));
    }

    /**
     * Carries a method of the new build that the old class lacks (a helper, a
     * lambda body) into the class's patch class as a static method.
     *
     * @return its name there, or null when it cannot be carried (refused)
     */
    String carryMethod(String owner, MethodNode m) {
        String key = owner + "." + m.name + m.desc;
        if (carried.containsKey(key)) {
            return carried.get(key);
        }
        String where = Names.method(owner, m.name, m.desc);
        String at = now.at(owner, m.name + m.desc);
        if ((m.access & (Opcodes.ACC_SYNCHRONIZED | Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            refuse(where, at, "a new " + Names.methodFlags(m.access) + " method the patched code calls: its copy"
                    + " in a patch class could not " + ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0
                    ? "lock the same object" : "have the same body"));
            carried.put(key, null);
            return null;
        }
        ClassNode pc = patchClass(owner);
        MethodNode copy = now.copyMethod(owner, m.name, m.desc);
        String name = unique(pc, m.name, Statics.desc(owner, m.access, m.desc));
        Statics.convert(owner, copy, name);
        pc.methods.add(copy);
        origins.put(pc.name + "." + copy.name + copy.desc, new String[] {where, at});
        carried.put(key, name);
        boolean lambda = lambdas(owner).isBody(m);
        report.add(Decision.CARRY, where, at, (lambda ? "lambda body" : "new " + Names.methodFlags(m.access)
                + " method") + " the patched code uses, carried as " + Names.type(pc.name) + "." + name);
        work.add(() -> Relinker.relink(this, copy, owner, true, pc, where, at));
        return name;
    }

    /** A static method of {@code home} standing in for the method handle {@code h}. */
    Handle bridge(ClassNode home, Handle h, String self, boolean patchCode, String where, String at) {
        String key = home.name + " " + h;
        Handle done = bridges.get(key);
        if (done != null) {
            return done;
        }
        String simple = h.getOwner().substring(h.getOwner().lastIndexOf('/') + 1);
        String base = "ref$" + simple + "$" + (h.getName().equals("<init>") ? "new" : h.getName());
        MethodNode m = HandleBridges.make(h, base);
        m.name = unique(home, base, m.desc);
        home.methods.add(m);
        origins.put(home.name + "." + m.name + m.desc, new String[] {where, at});
        Handle linked = new Handle(Opcodes.H_INVOKESTATIC, home.name, m.name, m.desc,
                (home.access & Opcodes.ACC_INTERFACE) != 0);
        bridges.put(key, linked);
        report.add(Decision.CARRY, where, at, "method reference to " + Names.method(h.getOwner(), h.getName(),
                h.getDesc()) + ", linked through " + Names.type(home.name) + "." + m.name);
        work.add(() -> Relinker.relink(this, m, self, patchCode, home, where, at));
        return linked;
    }

    /** The name of the patch's copy of an enum switch table class. */
    String switchMap(String name) {
        return carrier.switchMap(name);
    }

    /** Queues the relinking of a carried class's method. */
    void later(Runnable r) {
        work.add(r);
    }

    void refuse(String where, String at, String reason) {
        report.add(Decision.REFUSE, where, at, reason);
    }

    void report(Decision d, String where, String at, String what) {
        report.add(d, where, at, what);
    }

    /**
     * Where a method of the jar's classes comes from, as the report names it: the new build's method and its
     * source line; for a method matched by name only ({@code desc} null), the first of that name; null if unknown.
     */
    String[] origin(String internalClass, String name, String desc) {
        for (Map.Entry<String, String[]> e : origins.entrySet()) {
            String k = e.getKey();
            if (desc != null ? k.equals(internalClass + "." + name + desc)
                    : k.startsWith(internalClass + "." + name + "(")) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Whether a method of the new build ({@code owner.name + desc}) was carried. */
    boolean carried(String ownerDotMember) {
        return carried.get(ownerDotMember) != null;
    }

    /** Runs until everything the patch needs is carried, and writes the classes. */
    Map<String, byte[]> finish() {
        do {
            while (!work.isEmpty()) {
                work.pop().run();
            }
            carrier.closure();
        } while (!work.isEmpty());
        carrier.widen();
        carrier.shared(targets);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (ClassNode c : classes.values()) {
            if (c.name.endsWith(SUFFIX) && targets.contains(c.name.substring(0, c.name.length() - SUFFIX.length()))) {
                AnnotationNode patch = new AnnotationNode(API + "Patch;");
                patch.values = new ArrayList<>(List.of("target", Names.type(c.name.substring(0,
                        c.name.length() - SUFFIX.length()))));
                c.visibleAnnotations = new ArrayList<>(List.of(patch));
            }
            ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_MAXS);
            c.accept(w);
            out.put(c.name, w.toByteArray());
        }
        return out;
    }

    /** The patch class of an old class, made on first use. */
    ClassNode patchClass(String target) {
        return classes.computeIfAbsent(patchClassName(target), name -> {
            ClassNode src = now.node(target);
            ClassNode c = new ClassNode();
            c.version = (src.version & 0xFFFF) < Opcodes.V1_8 ? Opcodes.V1_8 : src.version;
            c.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER;
            c.name = name;
            c.superName = "java/lang/Object";
            c.sourceFile = src.sourceFile;
            return c;
        });
    }

    /** {@code name}, or {@code name$2}, ..., whichever the class does not have with this descriptor yet. */
    static String unique(ClassNode c, String name, String desc) {
        String candidate = name;
        for (int k = 2; ; k++) {
            String n = candidate;
            if (c.methods.stream().noneMatch(m -> m.name.equals(n) && m.desc.equals(desc))) {
                return candidate;
            }
            candidate = name + "$" + k;
        }
    }
}
