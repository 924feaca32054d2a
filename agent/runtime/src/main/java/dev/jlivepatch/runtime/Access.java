package dev.jlivepatch.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

/**
 * What rewritten patch code calls to reach its target's members and types,
 * private and package-private ones included (the kernel's livepatch
 * relocations). Each use becomes an {@code invokedynamic} whose call site
 * links once to a constant method handle, so no reflection runs on the hot
 * path. The agent resolves every such use with {@link #resolve} while the
 * patch is being enabled, so that one that cannot link refuses the patch
 * instead of failing in the application.
 *
 * <p>A call site's type may name a type the patch's class loader cannot
 * access (a package-private class of the target's package) only in its erased
 * form, its nearest accessible superclass; the real descriptor travels as a
 * constant, and the handle is adapted to the erased type.
 */
public final class Access {
    /** A field read or write, told apart by the real type (a write returns void). */
    public static final int FIELD = 1;
    /** A method call: static, or with the receiver first. */
    public static final int METHOD = 2;
    /** A constructor call: the real type's return type is the class. */
    public static final int NEW = 3;
    /** A cast ({@code checkcast}) to the owner. */
    public static final int CAST = 4;
    /** An {@code instanceof} test of the owner. */
    public static final int INSTANCE_OF = 5;
    /** A new array of the owner ({@code owner} names the component type). */
    public static final int NEW_ARRAY = 6;
    /** The owner's {@code Class} object. */
    public static final int CLASS = 7;
    /**
     * A call of a method as {@code invokespecial} makes it (a private method,
     * or a superclass's): the real type's first parameter is the class the
     * call is made from.
     */
    public static final int SPECIAL = 8;

    private Access() {
    }

    /**
     * Bootstrap method of the rewritten uses.
     *
     * @param caller the patch class's lookup
     * @param member the member's name (unused for types)
     * @param type the call site's erased type: receiver first for instance members
     * @param owner the binary name of the class that declares the member, or of the type used
     * @param kind one of the kinds above
     * @param desc the real method descriptor of the use, with the types the patch was compiled against
     * @return a constant call site
     * @throws ReflectiveOperationException if the member or type cannot be found or reached
     */
    public static CallSite member(MethodHandles.Lookup caller, String member, MethodType type, String owner, int kind,
                                  String desc) throws ReflectiveOperationException {
        return new ConstantCallSite(resolve(caller.lookupClass().getClassLoader(), member, type, owner, kind, desc));
    }

    /**
     * Resolves one use to a method handle of the call site's type.
     *
     * @param loader the patch class's loader: the names resolve there
     * @param member the member's name
     * @param type the call site's erased type
     * @param owner the binary name of the owner
     * @param kind one of the kinds above
     * @param desc the real method descriptor of the use
     * @return the handle
     * @throws ReflectiveOperationException if the member or type cannot be found or reached
     */
    public static MethodHandle resolve(ClassLoader loader, String member, MethodType type, String owner, int kind,
                                       String desc) throws ReflectiveOperationException {
        Class<?> ownerClass = Class.forName(owner, false, loader);
        MethodType real = MethodType.fromMethodDescriptorString(desc, loader);
        MethodHandle handle = switch (kind) {
            case FIELD -> field(ownerClass, member, real);
            case METHOD -> method(ownerClass, member, real);
            case NEW -> constructor(ownerClass, real);
            case CAST -> MethodHandles.identity(Object.class).asType(MethodType.methodType(ownerClass, Object.class));
            case INSTANCE_OF -> MethodHandles.lookup().findVirtual(Class.class, "isInstance",
                    MethodType.methodType(boolean.class, Object.class)).bindTo(ownerClass);
            case NEW_ARRAY -> MethodHandles.arrayConstructor(Array.newInstance(ownerClass, 0).getClass());
            case CLASS -> MethodHandles.constant(Class.class, ownerClass);
            case SPECIAL -> MethodHandles.privateLookupIn(real.parameterType(0), MethodHandles.lookup())
                    .findSpecial(ownerClass, member, real.dropParameterTypes(0, 1), real.parameterType(0));
            default -> throw new IllegalArgumentException("unknown access kind " + kind);
        };
        return handle.asFixedArity().asType(type);
    }

    private static MethodHandle field(Class<?> owner, String name, MethodType type)
            throws ReflectiveOperationException {
        Field f = null;
        for (Class<?> c = owner; c != null && f == null; c = c.getSuperclass()) {
            f = Arrays.stream(c.getDeclaredFields()).filter(x -> x.getName().equals(name)).findFirst().orElse(null);
        }
        if (f == null) {
            throw new NoSuchFieldException(owner.getName() + "." + name);
        }
        boolean isStatic = Modifier.isStatic(f.getModifiers());
        boolean write = type.returnType() == void.class;
        int receivers = isStatic ? 0 : 1;
        if (type.parameterCount() != receivers + (write ? 1 : 0)) {
            throw new NoSuchFieldException("access to " + (isStatic ? "static " : "") + "field " + owner.getName()
                    + "." + name + " does not fit " + type);
        }
        Class<?> decl = f.getDeclaringClass();
        MethodHandles.Lookup in = lookupFor(decl, f.getModifiers());
        if (write) {
            return isStatic ? in.findStaticSetter(decl, name, f.getType()) : in.findSetter(decl, name, f.getType());
        }
        return isStatic ? in.findStaticGetter(decl, name, f.getType()) : in.findGetter(decl, name, f.getType());
    }

    private static MethodHandle method(Class<?> owner, String name, MethodType type)
            throws ReflectiveOperationException {
        Class<?>[] all = type.parameterArray();
        Method m = declared(owner, name, all, true, type.returnType());
        if (m == null && all.length > 0) {
            m = declared(owner, name, Arrays.copyOfRange(all, 1, all.length), false, type.returnType());
        }
        if (m == null) {
            throw new NoSuchMethodException(owner.getName() + "." + name + " matching " + type);
        }
        return lookupFor(m.getDeclaringClass(), m.getModifiers()).unreflect(m);
    }

    private static MethodHandle constructor(Class<?> owner, MethodType type) throws ReflectiveOperationException {
        java.lang.reflect.Constructor<?> k = owner.getDeclaredConstructor(type.parameterArray());
        return lookupFor(owner, k.getModifiers()).unreflectConstructor(k);
    }

    /**
     * A lookup that reaches a member: the public one for a public member of a
     * public class (which needs no module to open its package), otherwise one
     * with private access to the declaring class.
     */
    private static MethodHandles.Lookup lookupFor(Class<?> declaring, int modifiers) throws IllegalAccessException {
        if (Modifier.isPublic(modifiers) && Modifier.isPublic(declaring.getModifiers())
                && declaring.getModule().isExported(declaring.getPackageName())) {
            return MethodHandles.publicLookup();
        }
        return MethodHandles.privateLookupIn(declaring, MethodHandles.lookup());
    }

    /** A method of the owner or one of its superclasses or interfaces, declared with exactly these parameters. */
    private static Method declared(Class<?> owner, String name, Class<?>[] params, boolean isStatic, Class<?> ret) {
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            Method m = match(c, name, params, isStatic, ret);
            if (m != null) {
                return m;
            }
        }
        if (!isStatic) {
            for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
                for (Class<?> i : c.getInterfaces()) {
                    Method m = declared(i, name, params, false, ret);
                    if (m != null) {
                        return m;
                    }
                }
            }
        }
        return null;
    }

    private static Method match(Class<?> c, String name, Class<?>[] params, boolean isStatic, Class<?> ret) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == isStatic && !m.isBridge()
                    && Arrays.equals(m.getParameterTypes(), params) && m.getReturnType() == ret) {
                return m;
            }
        }
        return null;
    }
}
