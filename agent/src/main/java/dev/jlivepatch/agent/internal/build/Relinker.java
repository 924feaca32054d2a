package dev.jlivepatch.agent.internal.build;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Links a body of the new build to what the running (old) build has, the way
 * kpatch-build's relocations link a changed function to the running kernel:
 * <ul>
 *   <li>a call of a method the old class does not have (a new private or
 *       static helper) calls the patch's copy of it instead;</li>
 *   <li>a lambda of the class is created from the patch's copy of its body;
 *       a method reference to a member of the application becomes one to a
 *       bridge method of the patch ({@link HandleBridges});</li>
 *   <li>in patch code (a body moved into a patch class), a call of a private
 *       method with {@code invokespecial} (older compilers) becomes the
 *       virtual call that the agent routes to it;</li>
 *   <li>an enum switch's table is read from the patch's copy ({@link SwitchMaps}).</li>
 * </ul>
 * What cannot be linked is refused, naming the method and what it uses: a
 * {@code super} call from patch code, a new instance method that is not
 * private, a field or constructor the old build does not have, a serializable
 * lambda, an application bootstrap method.
 */
final class Relinker {
    private final Generator gen;
    private final Build old;
    private final Build now;
    /** The new build's class the code comes from. */
    private final String self;
    /** Whether the code is moved into a patch class (else it stays in a class of its own, carried whole). */
    private final boolean patchCode;
    /** Where bridges for method references go. */
    private final ClassNode home;
    private final String where;
    private final String at;

    private Relinker(Generator gen, String self, boolean patchCode, ClassNode home, String where, String at) {
        this.gen = gen;
        this.old = gen.old();
        this.now = gen.now();
        this.self = self;
        this.patchCode = patchCode;
        this.home = home;
        this.where = where;
        this.at = at;
    }

    /**
     * Relinks {@code m}.
     *
     * @param self the new build's class the code comes from
     * @param patchCode whether {@code m} was moved into a patch class
     * @param home the class {@code m} now lives in
     * @param where the method, for refusals ({@code com.example.Cart.total(int)})
     * @param at where it is in the source, or null
     */
    static void relink(Generator gen, MethodNode m, String self, boolean patchCode, ClassNode home, String where,
                       String at) {
        Relinker r = new Relinker(gen, self, patchCode, home, where, at);
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof MethodInsnNode mi) {
                r.call(mi);
            } else if (i instanceof FieldInsnNode f) {
                r.field(f);
            } else if (i instanceof InvokeDynamicInsnNode d) {
                r.indy(d);
            }
        }
    }

    private void call(MethodInsnNode mi) {
        if (mi.owner.startsWith("[") || !old.has(mi.owner) || !now.has(mi.owner)) {
            return; // an array, the JDK or a library, or a class only the new build has (carried whole)
        }
        String what = Names.method(mi.owner, mi.name, mi.desc);
        if (mi.name.equals("<init>")) {
            if (old.declared(mi.owner, "<init>", mi.desc) == null) {
                refuse("constructs " + Names.type(mi.owner) + " with " + what + ", a constructor the old build"
                        + " does not have");
            }
            return;
        }
        Members.Found n = Members.method(now, mi.owner, mi.name, mi.desc);
        if (!n.found()) {
            if (patchCode && mi.getOpcode() == Opcodes.INVOKESPECIAL) {
                refuse(superCall(what));
            }
            return; // declared outside the build
        }
        Members.Found o = Members.method(old, mi.owner, mi.name, mi.desc);
        if (!o.found() && old.declared(n.owner(), mi.name, mi.desc) == null) {
            int access = n.method().access;
            if ((access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC)) != 0 && old.has(n.owner())) {
                String copy = gen.carryMethod(n.owner(), n.method());
                if (copy != null) {
                    mi.setOpcode(Opcodes.INVOKESTATIC);
                    mi.owner = Generator.patchClassName(n.owner());
                    mi.name = copy;
                    mi.desc = Statics.desc(n.owner(), access, mi.desc);
                    mi.itf = false;
                }
            } else {
                refuse("calls " + what + ", a new " + Names.methodFlags(access) + " instance method: a patch cannot"
                        + " add a method that the JVM dispatches virtually; make it private or static");
            }
            return;
        }
        if (o.found() && o.isStatic() != (mi.getOpcode() == Opcodes.INVOKESTATIC)) {
            refuse("calls " + what + ", which is " + (o.isStatic() ? "static" : "an instance method")
                    + " in the old build");
            return;
        }
        if (mi.getOpcode() == Opcodes.INVOKESPECIAL) {
            boolean isPrivate = (n.method().access & Opcodes.ACC_PRIVATE) != 0;
            if (isPrivate && (patchCode || !n.owner().equals(self))) {
                // Older compilers call private methods so; the agent routes the virtual call to the private method.
                mi.setOpcode(mi.itf ? Opcodes.INVOKEINTERFACE : Opcodes.INVOKEVIRTUAL);
            } else if (patchCode) {
                refuse(superCall(what));
            }
        }
    }

    private static String superCall(String what) {
        return "calls super." + what.substring(what.lastIndexOf('.', what.indexOf('(')) + 1) + " (" + what
                + "): a patch class cannot make a super call; call a method that makes it, or leave this method out";
    }

    private void field(FieldInsnNode f) {
        if (now.has(f.owner) && SwitchMaps.is(now.node(f.owner))) {
            f.owner = gen.switchMap(f.owner);
            return;
        }
        if (!old.has(f.owner) || !now.has(f.owner)) {
            return;
        }
        Members.Found o = Members.field(old, f.owner, f.name, f.desc);
        boolean isStatic = f.getOpcode() == Opcodes.GETSTATIC || f.getOpcode() == Opcodes.PUTSTATIC;
        if (!o.found() && !o.open()) {
            refuse("uses field " + Names.type(f.owner) + "." + f.name + " (" + Names.desc(f.desc) + "), which the"
                    + " old build does not have: a patch cannot add fields; " + Decider.SHADOW);
        } else if (o.found() && o.isStatic() != isStatic) {
            refuse("uses field " + Names.type(f.owner) + "." + f.name + ", which is "
                    + (o.isStatic() ? "static" : "an instance field") + " in the old build");
        }
    }

    private void indy(InvokeDynamicInsnNode d) {
        if (appClass(d.bsm.getOwner())) {
            refuse("uses invokedynamic with the application's own bootstrap method "
                    + Names.method(d.bsm.getOwner(), d.bsm.getName(), d.bsm.getDesc()) + ", which a patch cannot link");
            return;
        }
        Handle impl = Lambdas.implementation(d);
        if (impl != null && Lambdas.serializable(d) && appClass(impl.getOwner()) && !carried(impl.getOwner())) {
            refuse("creates a serializable lambda or method reference (" + impl.getName() + "): its serialized"
                    + " form names the class that created it, which a patch class cannot stand in for");
            return;
        }
        for (int k = 0; k < d.bsmArgs.length; k++) {
            if (d.bsmArgs[k] instanceof Handle h && appClass(h.getOwner()) && !carried(h.getOwner())) {
                Handle linked = handle(h);
                if (linked != null) {
                    d.bsmArgs[k] = linked;
                }
            }
        }
    }

    /** A handle to a member of an old class, as the patch can link it; null when refused. */
    private Handle handle(Handle h) {
        if (patchCode && h.getOwner().equals(self) && gen.lambdas(self).isBody(h)) {
            MethodNode body = now.declared(self, h.getName(), h.getDesc());
            String copy = gen.carryMethod(self, body);
            return copy == null ? null : new Handle(Opcodes.H_INVOKESTATIC, Generator.patchClassName(self), copy,
                    Statics.desc(self, body.access, body.desc), false);
        }
        if (h.getTag() == Opcodes.H_INVOKESPECIAL && !h.getOwner().equals(self)) {
            refuse(superCall(Names.method(h.getOwner(), h.getName(), h.getDesc())));
            return null;
        }
        return gen.bridge(home, h, self, patchCode, where, at);
    }

    private boolean appClass(String internalName) {
        return old.has(internalName) || now.has(internalName);
    }

    private boolean carried(String internalName) {
        return !old.has(internalName);
    }

    private void refuse(String reason) {
        gen.refuse(where, at, reason);
    }
}
