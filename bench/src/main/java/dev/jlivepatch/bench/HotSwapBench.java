package dev.jlivepatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.SimpleRemapper;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Case (c), the HotSwap baseline: the same calls as {@link StubBench}, after
 * {@link Target} has been redefined ({@code Instrumentation.redefineClasses},
 * through ByteBuddyAgent) with the class file of
 * {@link dev.jlivepatch.bench.hotswap.Target} renamed: the replacement
 * compiled into the class, no jlivepatch agent in the JVM.
 */
@State(Scope.Thread)
@Fork(value = 2, jvmArgsAppend = {Forks.SELF_ATTACH, Forks.DYNAMIC_AGENTS})
public class HotSwapBench extends TargetShapes {

    /** Redefines {@link Target} with the variant's body, before any call is compiled. */
    @Setup(Level.Trial)
    public void redefine() throws Exception {
        Instrumentation inst = ByteBuddyAgent.install();
        inst.redefineClasses(new ClassDefinition(Target.class, variant()));
        if (Target.mix(1) != 0x2c1b3c6d) {
            throw new IllegalStateException("redefinition did not take: Target.mix(1) = " + Target.mix(1));
        }
    }

    /** The variant's class file, renamed to {@code dev/jlivepatch/bench/Target}. */
    private static byte[] variant() throws IOException {
        String from = "dev/jlivepatch/bench/hotswap/Target";
        byte[] bytes;
        try (InputStream in = HotSwapBench.class.getClassLoader().getResourceAsStream(from + ".class")) {
            if (in == null) {
                throw new IOException(from + ".class not found");
            }
            bytes = in.readAllBytes();
        }
        ClassWriter out = new ClassWriter(0);
        new ClassReader(bytes).accept(new ClassRemapper(out, new SimpleRemapper(Opcodes.ASM9, from, "dev/jlivepatch/bench/Target")), 0);
        return out.toByteArray();
    }
}
