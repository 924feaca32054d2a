package dev.jlivepatch.agent.internal.build;

import dev.jlivepatch.agent.internal.build.Report.Decision;
import dev.jlivepatch.agent.internal.weave.PatchClassRewriter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Checks the patch's classes as the agent will load them, before the jar is
 * written: each goes through the agent's own {@link PatchClassRewriter}
 * against the old build (what it routes through {@code Access}, what it
 * erases, what it refuses), so a class the agent would refuse refuses the
 * build instead, with the agent's reason. Two more things the rewriting does
 * not see are checked here: a carried class implementing an interface the
 * patch's loader cannot access, and a protected member of another package,
 * which patch code (not a subclass) cannot use.
 */
final class RewriteCheck implements PatchClassRewriter.Context {
    private final Map<String, byte[]> jar;
    private final Build old;
    private final Set<String> packages = new HashSet<>();

    private RewriteCheck(Map<String, byte[]> jar, Build old) {
        this.jar = jar;
        this.old = old;
        jar.keySet().forEach(c -> packages.add(packageOf(c)));
    }

    static void check(Map<String, byte[]> jar, Build old, Generator gen, Report report) {
        RewriteCheck ctx = new RewriteCheck(jar, old);
        for (Map.Entry<String, byte[]> e : jar.entrySet()) {
            String where = Names.type(e.getKey());
            try {
                PatchClassRewriter.rewrite(e.getValue(), ctx);
            } catch (PatchClassRewriter.Unsupported u) {
                // Its reason names "patch.Class.method ...": name the new build's method it comes from instead.
                String msg = u.getMessage();
                String[] origin = msg.startsWith(where + ".") ? gen.origin(e.getKey(), msg.substring(where.length()
                        + 1).split(" ", 2)[0], null) : null;
                report.add(Decision.REFUSE, origin == null ? where : origin[0], origin == null ? null : origin[1],
                        "the agent would refuse its patch: " + msg);
            } catch (RuntimeException x) {
                report.add(Decision.REFUSE, where, null, "the agent could not read it: " + x);
            }
            ClassNode c = new ClassNode();
            new ClassReader(e.getValue()).accept(c, ClassReader.SKIP_FRAMES);
            for (String i : c.interfaces) {
                if (!ctx.erase(i).equals(i)) {
                    report.add(Decision.REFUSE, where, null, "implements " + Names.type(i) + ", which the patch's"
                            + " class loader cannot access (package-private)");
                }
            }
            for (MethodNode m : c.methods) {
                ctx.protectedUses(c, m, gen.origin(c.name, m.name, m.desc), report);
            }
        }
    }

    private void protectedUses(ClassNode c, MethodNode m, String[] origin, Report report) {
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            Members.Found f = null;
            String owner = null;
            if (i instanceof MethodInsnNode mi && !mi.name.equals("<init>")) {
                owner = mi.owner;
                f = Members.method(old, mi.owner, mi.name, mi.desc);
            } else if (i instanceof FieldInsnNode fi) {
                owner = fi.owner;
                f = Members.field(old, fi.owner, fi.name, fi.desc);
            }
            if (f != null && f.found() && !reroute(owner) && !jar.containsKey(owner)
                    && (f.access() & Opcodes.ACC_PROTECTED) != 0 && !packageOf(f.owner()).equals(packageOf(c.name))
                    && !isSubclass(c.superName, f.owner())) {
                report.add(Decision.REFUSE, origin != null ? origin[0] : Names.method(c.name, m.name, m.desc),
                        origin != null ? origin[1] : null, "uses "
                        + Names.type(f.owner()) + "." + (f.method() != null ? f.method().name : f.field().name)
                        + ", a protected member of another package, which patch code (not a subclass) cannot use");
            }
        }
    }

    private boolean isSubclass(String c, String of) {
        for (String s = c; s != null && old.has(s); s = old.node(s).superName) {
            if (s.equals(of)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Map<String, PatchClassRewriter.Accessor> accessors(String className) {
        return Map.of();
    }

    @Override
    public boolean original(String owner, String name, String desc) {
        return false; // a generated patch declares no @Original accessor
    }

    @Override
    public String specialCaller(String className) {
        return null;
    }

    @Override
    public boolean inJar(String internalName) {
        return jar.containsKey(internalName);
    }

    @Override
    public boolean reroute(String owner) {
        return packages.contains(packageOf(owner)) && !jar.containsKey(owner);
    }

    /** As the agent's erasure: a package-private class of the jar's packages stands as its nearest public superclass. */
    @Override
    public String erase(String internalName) {
        if (internalName == null || internalName.startsWith("[") || jar.containsKey(internalName)
                || !packages.contains(packageOf(internalName)) || !old.has(internalName)) {
            return internalName;
        }
        ClassNode c = old.node(internalName);
        if ((c.access & Opcodes.ACC_PUBLIC) != 0) {
            return internalName;
        }
        if ((c.access & Opcodes.ACC_INTERFACE) != 0) {
            return "java/lang/Object";
        }
        for (String s = c.superName; s != null; s = old.node(s).superName) {
            if (!old.has(s) || (old.node(s).access & Opcodes.ACC_PUBLIC) != 0) {
                return s;
            }
        }
        return "java/lang/Object";
    }

    @Override
    public ClassLoader loader() {
        return ClassLoader.getPlatformClassLoader();
    }

    private static String packageOf(String internalName) {
        return internalName.substring(0, Math.max(0, internalName.lastIndexOf('/')));
    }
}
