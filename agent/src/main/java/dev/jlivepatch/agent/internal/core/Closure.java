package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.PatchJar;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.tree.ClassNode;

/**
 * The classes of a patch jar that a patch class uses, transitively: what is
 * linked while the patch is enabled, so that nothing links for the first time
 * on the application's call path.
 */
final class Closure {

    private Closure() {
    }

    /**
     * The jar's classes that patch class {@code pc} uses, transitively, itself first.
     *
     * @throws PatchException if a class of the jar cannot be read
     */
    static Set<String> of(String patchId, PatchJar jar, PatchClass pc) throws PatchException {
        try {
            return of(jar, pc.name());
        } catch (RuntimeException e) { // ASM: a descriptor or signature it cannot parse
            throw new PatchException("patch '" + patchId + "': the classes of " + pc.binaryName() + " cannot be read: "
                    + e, e);
        }
    }

    private static Set<String> of(PatchJar jar, String start) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String c = todo.pop();
            byte[] bytes = jar.classes().get(c);
            if (bytes == null || !seen.add(c)) {
                continue;
            }
            // A ClassNode as the sink: a bare ClassVisitor returns no MethodVisitor, and the code would go unread.
            new ClassReader(bytes).accept(new ClassRemapper(new ClassNode(), new Remapper() {
                @Override
                public String map(String internalName) {
                    if (jar.classes().containsKey(internalName) && !seen.contains(internalName)) {
                        todo.push(internalName);
                    }
                    return internalName;
                }
            }), ClassReader.SKIP_FRAMES);
        }
        return seen;
    }
}
