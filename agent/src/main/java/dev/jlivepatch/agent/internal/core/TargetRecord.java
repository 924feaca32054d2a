package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.patch.PatchClass;
import dev.jlivepatch.agent.internal.patch.PatchException;
import dev.jlivepatch.agent.internal.patch.Resolver;
import dev.jlivepatch.agent.internal.patch.TargetShape;
import java.util.ArrayList;
import java.util.List;

/**
 * One target of a patch as it stands (the kernel's {@code klp_object} in
 * sysfs): a loaded class, whether the patch is applied to it now; a target
 * no class loader has loaded (yet, or any more: its loader was collected),
 * unpatched, as the kernel shows an object whose module is not loaded; or a
 * class the patch refused as it loaded.
 *
 * @param className the target class
 * @param loaded whether a class loader has it loaded
 * @param loader its class loader; {@code null} for the bootstrap loader, or when not loaded
 * @param methods the methods the patch replaces there, as {@code name(desc)ret}
 * @param patched whether the patch's replacements are on the class's func stacks now
 * @param refusal why the patch refused the class as it loaded; null for a loaded class
 */
public record TargetRecord(String className, boolean loaded, ClassLoader loader, List<String> methods,
                           boolean patched, String refusal) {

    /**
     * The records of one patch: per patch class, its loaded targets or, when
     * none is loaded, the target as not loaded; then the classes it refused.
     */
    static List<TargetRecord> of(LoadedPatch p, Class<?>[] loaded, FuncStacks stacks) {
        List<TargetRecord> out = new ArrayList<>();
        for (PatchClass pc : p.jar().patchClasses()) {
            int before = out.size();
            for (Class<?> c : loaded) {
                ClassLoader l = c.getClassLoader();
                if (!c.getName().equals(pc.target()) || !pc.matchesLoader(l) || l instanceof PatchClassLoader) {
                    continue;
                }
                Binding b = stacks.binding(c, p);
                List<String> methods = b != null ? b.keys() : keys(p, pc, c);
                out.add(new TargetRecord(c.getName(), true, l, methods, b != null, null));
            }
            if (out.size() == before && p.refusals().stream().noneMatch(r -> r.className().equals(pc.target()))) {
                out.add(new TargetRecord(pc.target(), false, null, List.of(), false, null));
            }
        }
        for (LoadedPatch.Refusal r : p.refusals()) {
            ClassLoader l = r.loader() == null ? null : r.loader().get();
            if (r.loader() != null && l == null) {
                continue; // its loader is gone, and the refusal with it
            }
            out.add(new TargetRecord(r.className(), false, l, List.of(), false, r.reason()));
        }
        return out;
    }

    /** The methods the patch would replace in a class it is not applied to. */
    private static List<String> keys(LoadedPatch p, PatchClass pc, Class<?> c) {
        List<String> out = new ArrayList<>();
        try {
            for (Resolver.Resolved r : Resolver.resolve(p.id(), pc, TargetShape.of(c))) {
                out.add(r.key());
            }
        } catch (PatchException | LinkageError e) {
            return List.of();
        }
        return out;
    }
}
