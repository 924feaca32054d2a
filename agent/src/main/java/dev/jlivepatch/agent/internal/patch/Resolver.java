package dev.jlivepatch.agent.internal.patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Matches each {@code @Replace} method of a patch class to the target method
 * it replaces, and refuses what cannot be patched, with the reason.
 */
public final class Resolver {

    /** A replacement bound to the target method it replaces. */
    public record Resolved(Replacement replacement, TargetShape.MethodShape target) {
        /** The target method's key, {@code name(desc)ret}. */
        public String key() {
            return target.name() + target.desc();
        }
    }

    private Resolver() {
    }

    public static List<Resolved> resolve(String patchId, PatchClass pc, TargetShape shape) throws PatchException {
        List<Resolved> out = new ArrayList<>();
        for (Replacement r : pc.replacements()) {
            Resolved resolved = resolve(patchId, pc, r, shape);
            for (Resolved other : out) {
                if (other.key().equals(resolved.key())) {
                    throw new PatchException("patch '" + patchId + "': " + where(shape, resolved.target())
                            + " has two replacements: " + pc.binaryName() + "." + other.replacement().method()
                            + " and " + r.method());
                }
            }
            out.add(resolved);
        }
        return out;
    }

    private static Resolved resolve(String patchId, PatchClass pc, Replacement r, TargetShape shape)
            throws PatchException {
        String prefix = "patch '" + patchId + "': " + pc.binaryName() + "." + r.method() + ": ";
        String name = r.targetName();
        String targetClass = shape.name().replace('/', '.');
        if (name.equals("<init>") || name.equals("<clinit>")) {
            throw new PatchException(prefix + "constructors and class initialisers of " + targetClass
                    + " cannot be patched");
        }
        Type rt = Type.getMethodType(r.desc());
        Type[] args = rt.getArgumentTypes();
        List<TargetShape.MethodShape> named = new ArrayList<>();
        for (TargetShape.MethodShape m : shape.methods()) {
            if (m.name().equals(name) && (m.access() & Opcodes.ACC_BRIDGE) == 0) {
                named.add(m);
            }
        }
        if (named.isEmpty()) {
            throw new PatchException(prefix + "target method " + targetClass + "." + name + " not found");
        }
        // A static target takes the same parameters; an instance target takes the receiver first.
        for (TargetShape.MethodShape m : named) {
            Type mt = Type.getMethodType(m.desc());
            Type[] margs = mt.getArgumentTypes();
            boolean asStatic = Arrays.equals(args, margs);
            boolean asInstance = args.length == margs.length + 1 && receiverFits(args[0], shape)
                    && Arrays.equals(Arrays.copyOfRange(args, 1, args.length), margs);
            if (m.isStatic() && asStatic || !m.isStatic() && asInstance) {
                checkPatchable(prefix, shape, m);
                if (!mt.getReturnType().equals(rt.getReturnType())) {
                    throw new PatchException(prefix + where(shape, m) + " returns "
                            + mt.getReturnType().getClassName() + ", the replacement returns "
                            + rt.getReturnType().getClassName());
                }
                return new Resolved(r, m);
            }
        }
        for (TargetShape.MethodShape m : named) {
            Type[] margs = Type.getMethodType(m.desc()).getArgumentTypes();
            if (!m.isStatic() && Arrays.equals(args, margs)) {
                throw new PatchException(prefix + where(shape, m) + " is an instance method:"
                        + " the replacement's first parameter must be the receiver (" + targetClass + ")");
            }
            if (m.isStatic() && args.length == margs.length + 1
                    && Arrays.equals(Arrays.copyOfRange(args, 1, args.length), margs)) {
                throw new PatchException(prefix + where(shape, m) + " is static:"
                        + " the replacement must not take a receiver");
            }
        }
        throw new PatchException(prefix + "no method " + targetClass + "." + name + " takes ("
                + Arrays.stream(args).map(Type::getClassName).collect(Collectors.joining(", "))
                + "); there are: " + named.stream().map(m -> where(shape, m)).collect(Collectors.joining(", ")));
    }

    private static boolean receiverFits(Type receiver, TargetShape shape) {
        return receiver.getSort() == Type.OBJECT
                && (receiver.getInternalName().equals(shape.name()) || receiver.getInternalName().equals("java/lang/Object"));
    }

    private static void checkPatchable(String prefix, TargetShape shape, TargetShape.MethodShape m)
            throws PatchException {
        if ((m.access() & Opcodes.ACC_ABSTRACT) != 0) {
            throw new PatchException(prefix + where(shape, m) + " is abstract: it has no body to patch"
                    + (shape.isInterface() ? " (patch the implementing classes, or a default method)" : ""));
        }
        if ((m.access() & Opcodes.ACC_NATIVE) != 0) {
            throw new PatchException(prefix + where(shape, m) + " is native: it has no bytecode to patch");
        }
    }

    static String where(TargetShape shape, TargetShape.MethodShape m) {
        Type t = Type.getMethodType(m.desc());
        return (m.isStatic() ? "static " : "") + shape.name().replace('/', '.') + "." + m.name() + "("
                + Arrays.stream(t.getArgumentTypes()).map(Type::getClassName).collect(Collectors.joining(", ")) + ")";
    }
}
