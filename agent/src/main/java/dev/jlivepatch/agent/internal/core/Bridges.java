package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.weave.BridgeMaker;
import dev.jlivepatch.agent.internal.weave.Shape;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bridges: the objects func stacks hold, one per replacement, that a stub
 * calls through its shape's interface. Each is an instance, holding the
 * replacement's method handle in a final field, of the hidden class of its
 * shape, defined here once per shape (not once per replacement: a patch of
 * ten thousand methods would define ten thousand classes); except for stubs
 * that cannot fold the bridge (the static path), where each bridge has a
 * class of its own with the handle as a static final. A bridge is linked and
 * initialised when it is made and names nothing of the patch or its target.
 */
final class Bridges {
    private static final String NAME = Bridges.class.getName().replace('.', '/') + "$Bridge";
    private static final Map<String, MethodHandle> CONSTRUCTORS = new ConcurrentHashMap<>();

    private Bridges() {
    }

    private static final MethodHandle INCREMENT;

    static {
        try {
            INCREMENT = MethodHandles.publicLookup().findVirtual(LongAdder.class, "increment",
                    MethodType.methodType(void.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code entry}, first adding one to {@code calls}. */
    static MethodHandle counting(MethodHandle entry, LongAdder calls) {
        return MethodHandles.foldArguments(entry, INCREMENT.bindTo(calls));
    }

    /**
     * A bridge of the same shape, and folded the same way, as {@code bridge} that calls {@code entry} (a handle
     * of that shape) instead.
     */
    static Object counting(Object bridge, MethodHandle entry) throws Throwable {
        String shape = bridge.getClass().getInterfaces()[0].getName().replace('.', '/');
        // The shared class of a shape takes the handle in its constructor; a class of its own holds it as data.
        boolean folded = bridge.getClass().getDeclaredConstructors()[0].getParameterCount() == 1;
        return make(new Shape(shape, entry.type().toMethodDescriptorString()), entry, folded);
    }

    /**
     * A bridge of {@code shape} that calls {@code replacement}.
     *
     * @param folded whether the stubs that hold it fold it to a constant; if not (the static path), the bridge
     *     gets a class of its own whose static final handle C2 folds through the call's type profile
     */
    static Object make(Shape shape, MethodHandle replacement, boolean folded) throws Throwable {
        MethodHandle target = replacement.asType(MethodType.fromMethodDescriptorString(shape.callDesc(), null));
        if (!folded) {
            MethodHandles.Lookup own = MethodHandles.lookup().defineHiddenClassWithClassData(
                    BridgeMaker.makeWithClassData(NAME, shape), target, true);
            return own.findConstructor(own.lookupClass(), MethodType.methodType(void.class)).invoke();
        }
        MethodHandle constructor = CONSTRUCTORS.get(shape.interfaceName());
        if (constructor == null) {
            MethodHandles.Lookup bridge = MethodHandles.lookup().defineHiddenClass(BridgeMaker.make(NAME, shape), true);
            constructor = bridge.findConstructor(bridge.lookupClass(), MethodType.methodType(void.class,
                    MethodHandle.class)).asType(MethodType.methodType(Object.class, MethodHandle.class));
            MethodHandle raced = CONSTRUCTORS.putIfAbsent(shape.interfaceName(), constructor);
            constructor = raced != null ? raced : constructor;
        }
        return (Object) constructor.invokeExact(target);
    }
}
