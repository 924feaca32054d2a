package dev.jlivepatch.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Bootstrap methods that give patch code access to members of its target,
 * private ones included (the kernel's livepatch relocations). Patch classes
 * are rewritten to call these through {@code invokedynamic}; each call site
 * links once to a constant method handle, so no reflection runs on the hot
 * path.
 */
public final class Access {
    /** A field read or write, decided by the call site's type. */
    public static final int FIELD = 1;
    /** A method call. */
    public static final int METHOD = 2;

    private Access() {
    }

    /**
     * Links a member access of patch code.
     *
     * @param caller the patch class's lookup
     * @param member the member's name
     * @param type the access's type: receiver first for instance members
     * @param owner the binary name of the class declaring the member
     * @param kind {@link #FIELD} or {@link #METHOD}
     * @return a constant call site
     * @throws ReflectiveOperationException if the member does not exist
     */
    public static CallSite member(MethodHandles.Lookup caller, String member, MethodType type,
                                  String owner, int kind) throws ReflectiveOperationException {
        Class<?> ownerClass = Class.forName(owner, false, caller.lookupClass().getClassLoader());
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(ownerClass, MethodHandles.lookup());
        MethodHandle handle = kind == FIELD ? field(lookup, ownerClass, member, type) : method(lookup, ownerClass, member, type);
        return new ConstantCallSite(handle.asType(type));
    }

    private static MethodHandle field(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type)
            throws ReflectiveOperationException {
        Field f = owner.getDeclaredField(name);
        boolean isStatic = Modifier.isStatic(f.getModifiers());
        boolean write = type.returnType() == void.class;
        int receivers = isStatic ? 0 : 1;
        if (type.parameterCount() != receivers + (write ? 1 : 0)) {
            throw new NoSuchFieldException("access to " + (isStatic ? "static " : "") + "field " + owner.getName()
                    + "." + name + " does not fit " + type);
        }
        if (write) {
            return isStatic ? lookup.findStaticSetter(owner, name, f.getType()) : lookup.findSetter(owner, name, f.getType());
        }
        return isStatic ? lookup.findStaticGetter(owner, name, f.getType()) : lookup.findGetter(owner, name, f.getType());
    }

    private static MethodHandle method(MethodHandles.Lookup lookup, Class<?> owner, String name, MethodType type)
            throws ReflectiveOperationException {
        Class<?>[] all = type.parameterArray();
        Method m = declared(owner, name, all, true);
        if (m != null) {
            return lookup.unreflect(m);
        }
        Class<?>[] rest = type.dropParameterTypes(0, Math.min(1, all.length)).parameterArray();
        m = all.length > 0 ? declared(owner, name, rest, false) : null;
        if (m == null) {
            throw new NoSuchMethodException(owner.getName() + "." + name + " matching " + type);
        }
        return lookup.unreflect(m);
    }

    private static Method declared(Class<?> owner, String name, Class<?>[] params, boolean isStatic) {
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) == isStatic
                        && java.util.Arrays.equals(m.getParameterTypes(), params)) {
                    return m;
                }
            }
        }
        return null;
    }
}
