package dev.jlivepatch.agent.internal.patch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipException;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Reads a patch jar and checks everything that can be checked without its
 * targets. Nothing is loaded or defined: a jar that fails here changes nothing.
 */
public final class PatchJarReader {
    static final String API = "dev/jlivepatch/api/";
    private static final String PATCH = "L" + API + "Patch;";
    private static final String REPLACE = "L" + API + "Replace;";
    private static final String ORIGINAL = "L" + API + "Original;";
    private static final String TARGET_FIELD = "L" + API + "TargetField;";
    private static final String TARGET_METHOD = "L" + API + "TargetMethod;";
    private static final String PATCH_TARGET = "L" + API + "PatchTarget;";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private PatchJarReader() {
    }

    /**
     * Reads a patch jar.
     *
     * @param path the jar
     * @return the patch jar, checked
     * @throws PatchException with the reason it is refused
     */
    public static PatchJar read(Path path) throws PatchException {
        return read(path, path);
    }

    /**
     * Reads a patch jar from a private copy of it.
     *
     * @param path the copy, which is read
     * @param source where it was copied from, as the patch names its origin
     * @return the patch jar, checked
     * @throws PatchException with the reason it is refused
     */
    public static PatchJar read(Path path, Path source) throws PatchException {
        if (!Files.isRegularFile(path)) {
            throw new PatchException(path + ": no such file");
        }
        try {
            // First a bounded pass over the whole jar: what the JDK's jar support reads afterwards is bounded too.
            byte[] manifest = JarLimits.check(path, path.getFileName().toString());
            if (manifest != null) {
                ManifestCheck.check(path.getFileName().toString(), manifest);
            }
        } catch (ZipException e) {
            throw new PatchException(path.getFileName() + ": not a jar, or truncated: " + why(e));
        } catch (IOException e) {
            throw new PatchException(path.getFileName() + ": cannot read the jar: " + why(e));
        } catch (RuntimeException e) {
            throw new PatchException(path.getFileName() + ": cannot read the jar: " + e);
        }
        try (JarFile jar = new JarFile(path.toFile(), true)) {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw new PatchException(path.getFileName() + ": not a patch jar: no META-INF/MANIFEST.MF");
            }
            Attributes main = manifest.getMainAttributes();
            String id = trimmed(main.getValue("Livepatch-Id"));
            if (id == null) {
                throw new PatchException(path.getFileName() + ": not a patch jar: the manifest has no Livepatch-Id");
            }
            if (!ID.matcher(id).matches()) {
                throw new PatchException(path.getFileName() + ": Livepatch-Id '" + id
                        + "' must be letters, digits, '.', '_' or '-' (at most 128)");
            }
            Map<String, byte[]> classes = readClasses(jar, path);
            Map<List<String>, PatchClass> patchClasses = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                PatchClass pc = parse(e.getKey(), e.getValue());
                if (pc == null) {
                    continue;
                }
                PatchClass other = patchClasses.putIfAbsent(List.of(pc.target(), pc.loader()), pc);
                if (other != null) {
                    throw new PatchException("patch '" + id + "': " + other.binaryName() + " and "
                            + pc.binaryName() + " both patch " + pc.target()
                            + "; put everything for one target class in one @Patch class");
                }
            }
            if (patchClasses.isEmpty()) {
                throw new PatchException("patch '" + id + "': no class of the jar is annotated @Patch");
            }
            return new PatchJar(id, trimmed(main.getValue("Livepatch-Description")),
                    "true".equalsIgnoreCase(trimmed(main.getValue("Livepatch-Replace"))),
                    states(id, main.getValue("Livepatch-States")), classes, List.copyOf(patchClasses.values()),
                    source.toString(), names(main.getValue("Livepatch-Deferred-Targets")), digest(path));
        } catch (ZipException e) {
            throw new PatchException(path.getFileName() + ": not a jar, or truncated: " + why(e));
        } catch (IOException | SecurityException e) {
            throw new PatchException(path.getFileName() + ": cannot read the jar: " + why(e));
        } catch (RuntimeException e) {
            throw new PatchException(path.getFileName() + ": cannot read the jar: " + e);
        }
    }

    private static Map<String, byte[]> readClasses(JarFile jar, Path path) throws IOException, PatchException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        long[] total = {0};
        for (JarEntry entry : java.util.Collections.list(jar.entries())) {
            String name = entry.getName();
            if (entry.isDirectory() || !name.endsWith(".class") || name.startsWith("META-INF/")
                    || name.endsWith("module-info.class")) {
                continue;
            }
            String internal = name.substring(0, name.length() - ".class".length());
            if (internal.startsWith(API) || internal.startsWith("dev/jlivepatch/runtime/")) {
                throw new PatchException(path.getFileName() + ": bundles " + internal.replace('/', '.')
                        + "; patch jars compile against patch-api and must not bundle it");
            }
            byte[] bytes = JarLimits.read(path.getFileName().toString(), jar, entry, total);
            // Every class entry, helpers too: each may be defined, so each must be one the JVM accepts.
            ClassFileCheck.check(path.getFileName().toString(), name, bytes);
            classes.put(internal, bytes);
        }
        return classes;
    }

    private static PatchClass parse(String internal, byte[] bytes) throws PatchException {
        ClassNode node = new ClassNode();
        try {
            new ClassReader(bytes).accept(node, ClassReader.SKIP_CODE | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            throw new PatchException(internal.replace('/', '.') + ": not a valid class file (" + e + ")");
        }
        String where = internal.replace('/', '.');
        AnnotationNode patch = find(node.visibleAnnotations, node.invisibleAnnotations, PATCH);
        List<Replacement> replacements = new ArrayList<>();
        List<Callback> callbacks = new ArrayList<>();
        List<Accessor> accessors = new ArrayList<>();
        List<Replacement> originals = new ArrayList<>();
        for (MethodNode m : node.methods) {
            String at = where + "." + m.name;
            boolean isStatic = (m.access & Opcodes.ACC_STATIC) != 0;
            AnnotationNode replace = find(m.visibleAnnotations, m.invisibleAnnotations, REPLACE);
            if (replace != null) {
                if (!isStatic) {
                    throw new PatchException(at + ": a @Replace method must be static"
                            + " (an instance method's receiver is its first parameter)");
                }
                String target = string(replace, "method", m.name);
                replacements.add(new Replacement(m.name, m.desc, target));
            }
            AnnotationNode original = find(m.visibleAnnotations, m.invisibleAnnotations, ORIGINAL);
            if (original != null) {
                if (!isStatic) {
                    throw new PatchException(at + ": an @Original accessor must be static"
                            + " (an instance method's receiver is its first parameter)");
                }
                String own = m.name.endsWith("$original") ? m.name.substring(0, m.name.length() - 9) : m.name;
                originals.add(new Replacement(m.name, m.desc, string(original, "method", own)));
            }
            for (Callback.Kind kind : Callback.Kind.values()) {
                if (find(m.visibleAnnotations, m.invisibleAnnotations, "L" + API + kind.annotation + ";") == null) {
                    continue;
                }
                Type t = Type.getMethodType(m.desc);
                boolean params = t.getArgumentTypes().length == 0
                        || (t.getArgumentTypes().length == 1 && t.getArgumentTypes()[0].getDescriptor().equals(PATCH_TARGET));
                boolean ret = t.getReturnType() == Type.VOID_TYPE || t.getReturnType() == Type.BOOLEAN_TYPE;
                if (!isStatic || !params || !ret) {
                    throw new PatchException(at + ": a @" + kind.annotation
                            + " callback must be static, take () or (PatchTarget), and return void or boolean");
                }
                for (Callback other : callbacks) {
                    if (other.kind() == kind) {
                        throw new PatchException(where + ": two @" + kind.annotation + " callbacks: "
                                + other.method() + " and " + m.name);
                    }
                }
                callbacks.add(new Callback(kind, m.name, m.desc));
            }
            AnnotationNode field = find(m.visibleAnnotations, m.invisibleAnnotations, TARGET_FIELD);
            AnnotationNode method = find(m.visibleAnnotations, m.invisibleAnnotations, TARGET_METHOD);
            if (field != null || method != null) {
                if (!isStatic) {
                    throw new PatchException(at + ": a @Target" + (field != null ? "Field" : "Method")
                            + " accessor must be static");
                }
                AnnotationNode a = field != null ? field : method;
                String owner = string(a, "owner", patch == null ? "" : string(patch, "target", ""));
                accessors.add(new Accessor(m.name, m.desc, field != null, string(a, "value", ""), owner));
            }
        }
        if (patch == null) {
            if (!replacements.isEmpty() || !callbacks.isEmpty()) {
                throw new PatchException(where + " has @Replace methods or callbacks but no @Patch annotation");
            }
            return null;
        }
        String target = string(patch, "target", "");
        if (target.isEmpty()) {
            throw new PatchException(where + ": @Patch has an empty target");
        }
        if (replacements.isEmpty() && callbacks.isEmpty()) {
            throw new PatchException(where + ": @Patch(target = \"" + target
                    + "\") has no @Replace method and no callback");
        }
        for (Replacement o : originals) {
            if (replacements.stream().noneMatch(r -> r.targetName().equals(o.targetName())
                    && r.desc().equals(o.desc()))) {
                throw new PatchException(where + "." + o.method() + ": @Original(method = \"" + o.targetName()
                        + "\") has no @Replace method of the same name and signature in " + where
                        + ": it runs what a replacement of this patch replaces");
            }
        }
        return new PatchClass(internal, target, string(patch, "loader", ""), List.copyOf(replacements),
                List.copyOf(callbacks), List.copyOf(accessors), List.copyOf(originals));
    }

    private static List<PatchJar.StateDecl> states(String id, String value) throws PatchException {
        List<PatchJar.StateDecl> states = new ArrayList<>();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        if (value == null || value.isBlank()) {
            return states;
        }
        for (String part : value.split(",")) {
            String[] idVersion = part.trim().split(":");
            try {
                if (idVersion.length != 2) {
                    throw new NumberFormatException();
                }
                PatchJar.StateDecl decl = new PatchJar.StateDecl(Long.parseLong(idVersion[0].trim()),
                        Integer.parseInt(idVersion[1].trim()));
                if (!ids.add(decl.id())) {
                    throw new PatchException("patch '" + id + "': Livepatch-States names state " + decl.id() + " twice");
                }
                states.add(decl);
            } catch (NumberFormatException e) {
                throw new PatchException("patch '" + id + "': Livepatch-States entry '" + part.trim()
                        + "' is not id:version");
            }
        }
        return List.copyOf(states);
    }

    private static AnnotationNode find(List<AnnotationNode> visible, List<AnnotationNode> invisible, String desc) {
        for (List<AnnotationNode> list : java.util.Arrays.asList(visible, invisible)) {
            if (list != null) {
                for (AnnotationNode a : list) {
                    if (a.desc.equals(desc)) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    private static String string(AnnotationNode a, String name, String fallback) {
        if (a.values != null) {
            for (int i = 0; i + 1 < a.values.size(); i += 2) {
                if (name.equals(a.values.get(i))) {
                    String v = (String) a.values.get(i + 1);
                    return v.isEmpty() ? fallback : v;
                }
            }
        }
        return fallback;
    }

    private static byte[] digest(Path path) throws IOException {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A comma-separated list of class names (or {@code *}). */
    private static java.util.Set<String> names(String value) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return java.util.Set.copyOf(out);
    }

    /** An exception's message, or the exception itself when it has none. */
    private static String why(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
