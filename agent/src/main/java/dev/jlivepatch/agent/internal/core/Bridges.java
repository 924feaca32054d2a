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
 * calls through its shape's interface. Each is an instance of a hidden class
 * defined here with the replacement's method handle as its class data, so
 * the bridge is linked and initialised when it is made, names nothing of the
 * patch or its target, and is unloaded with the last func stack that holds it.
 */
final class Bridges {
    private static final String NAME = Bridges.class.getName().replace('.', '/') + "$Bridge";
    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();

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

    /** A bridge of the same shape as {@code bridge} that calls {@code entry} (a handle of that shape) instead. */
    static Object counting(Object bridge, MethodHandle entry) throws Throwable {
        String shape = bridge.getClass().getInterfaces()[0].getName().replace('.', '/');
        return make(new Shape(shape, entry.type().toMethodDescriptorString()), entry);
    }

    /** A bridge of {@code shape} that calls {@code replacement}. */
    static Object make(Shape shape, MethodHandle replacement) throws Throwable {
        MethodHandle target = replacement.asType(MethodType.fromMethodDescriptorString(shape.callDesc(), null));
        byte[] bytes = BYTES.computeIfAbsent(shape.interfaceName(), k -> BridgeMaker.make(NAME, shape));
        MethodHandles.Lookup bridge = MethodHandles.lookup().defineHiddenClassWithClassData(bytes, target, true);
        return bridge.findConstructor(bridge.lookupClass(), MethodType.methodType(void.class)).invoke();
    }
}
