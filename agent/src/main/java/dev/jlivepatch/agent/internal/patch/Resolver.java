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
        List<TargetShape.MethodShape> bridges = new ArrayList<>();
        for (TargetShape.MethodShape m : shape.methods()) {
            if (m.name().equals(name)) {
                (m.isBridge() ? bridges : named).add(m);
            }
        }
        if (named.isEmpty() && bridges.isEmpty()) {
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
        // The replacement names a bridge (or only bridges have the name). Bridges are not patched:
        // direct calls of the bridged method never pass through the bridge, while every call of the
        // bridge ends in the bridged method, so patching that one covers both.
        for (TargetShape.MethodShape b : bridges) {
            Type[] bargs = Type.getMethodType(b.desc()).getArgumentTypes();
            boolean asInstance = args.length == bargs.length + 1
                    && Arrays.equals(Arrays.copyOfRange(args, 1, args.length), bargs);
            if (asInstance || Arrays.equals(args, bargs)) {
                throw bridge(prefix, shape, b, named);
            }
        }
        if (named.isEmpty()) {
            throw bridge(prefix, shape, bridges.get(0), named);
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
        // The JVM cannot be made to drop an intrinsic at run time (DisableIntrinsic and
        // ControlIntrinsic are not manageable flags): C2 and C1 code, and for some methods
        // (Math.sqrt) the interpreter, would keep running the JVM's own code after "patching complete".
        if (m.intrinsic()) {
            throw new PatchException(prefix + where(shape, m) + " is a JVM intrinsic (@IntrinsicCandidate):"
                    + " compiled code runs the JVM's own implementation and would never run the replacement;"
                    + " patch its callers instead");
        }
    }

    private static PatchException bridge(String prefix, TargetShape shape, TargetShape.MethodShape b,
            List<TargetShape.MethodShape> named) {
        String instead;
        if (b.bridgeTo() != null) {
            TargetShape.Ref to = b.bridgeTo();
            instead = ": " + where(false, to.owner(), to.name(), to.desc());
        } else {
            // The bridge's code was not read (a loaded class with several candidates): name them all.
            int arity = Type.getArgumentTypes(b.desc()).length;
            List<String> candidates = named.stream().filter(m -> Type.getArgumentTypes(m.desc()).length == arity)
                    .map(m -> where(shape, m)).collect(Collectors.toList());
            instead = candidates.isEmpty() ? "" : ", one of: " + String.join(", ", candidates);
        }
        return new PatchException(prefix + where(shape, b) + " is a bridge method the compiler generated;"
                + " patch the method it calls instead" + instead);
    }

    static String where(TargetShape shape, TargetShape.MethodShape m) {
        return where(m.isStatic(), shape.name(), m.name(), m.desc());
    }

    private static String where(boolean isStatic, String owner, String name, String desc) {
        return (isStatic ? "static " : "") + owner.replace('/', '.') + "." + name + "("
                + Arrays.stream(Type.getArgumentTypes(desc)).map(Type::getClassName).collect(Collectors.joining(", "))
                + ")";
    }
}
