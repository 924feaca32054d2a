package dev.jlivepatch.agent.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jlivepatch.agent.internal.weave.Shape;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A counting bridge is made the way its plain bridge was: of the shape's
 * shared class where stubs fold the bridge, of a class of its own on the
 * static path (the JDK classes linkage uses); either way it counts, then runs
 * the replacement.
 */
class BridgesTest {
    @TempDir
    Path dir;

    static int twice(int x) {
        return 2 * x;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aCountingBridgeCountsThenCallsOnBothPaths(boolean folded) throws Throwable {
        Shape shape = Shape.of(true, "(I)I");
        new TestCore(dir).env.defineShape(shape);
        MethodHandle twice = MethodHandles.lookup().findStatic(BridgesTest.class, "twice",
                MethodType.methodType(int.class, int.class));
        Object plain = Bridges.make(shape, twice, folded);
        LongAdder calls = new LongAdder();
        MethodHandle entry = twice.asType(MethodType.fromMethodDescriptorString(shape.callDesc(), null));
        Object counting = Bridges.counting(plain, Bridges.counting(entry, calls));

        // Folded bridges share their shape's class; unfolded ones have a class each, the counting one too.
        assertEquals(folded, plain.getClass() == Bridges.make(shape, twice, folded).getClass());
        assertEquals(folded, counting.getClass() == plain.getClass());
        Method call = plain.getClass().getInterfaces()[0].getMethod("call", int.class);
        assertEquals(42, call.invoke(plain, 21));
        assertEquals(0, calls.sum());
        assertEquals(42, call.invoke(counting, 21));
        assertEquals(84, call.invoke(counting, 42));
        assertEquals(2, calls.sum());
    }
}
