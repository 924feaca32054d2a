package dev.jlivepatch.agent.internal.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * One build of the code: the class files of a jar or of a class directory,
 * by internal name. Multi-release variants ({@code META-INF/versions/}) and
 * {@code module-info} are left out: the builder compares the base classes.
 */
final class Build {
    private final String label;
    private final Map<String, byte[]> bytes;
    private final Map<String, ClassNode> nodes = new TreeMap<>();

    Build(String label, Map<String, byte[]> bytes) {
        this.label = label;
        this.bytes = Collections.unmodifiableMap(new TreeMap<>(bytes));
    }

    /**
     * Reads a jar or a class directory.
     *
     * @throws BuildException when it is neither, or cannot be read
     */
    static Build read(Path path) throws BuildException {
        Map<String, byte[]> classes = new TreeMap<>();
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path f : (Iterable<Path>) walk.sorted()::iterator) {
                        String rel = path.relativize(f).toString().replace('\\', '/');
                        if (Files.isRegularFile(f) && wanted(rel)) {
                            classes.put(rel.substring(0, rel.length() - 6), Files.readAllBytes(f));
                        }
                    }
                }
            } else if (Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile(), false)) {
                    for (JarEntry e : Collections.list(jar.entries())) {
                        if (!e.isDirectory() && wanted(e.getName())) {
                            try (InputStream in = jar.getInputStream(e)) {
                                classes.put(e.getName().substring(0, e.getName().length() - 6), in.readAllBytes());
                            }
                        }
                    }
                }
            } else {
                throw new BuildException(path + ": no such jar or class directory");
            }
        } catch (ZipException e) {
            throw new BuildException(path + ": not a jar, or truncated: " + e.getMessage());
        } catch (IOException e) {
            throw new BuildException(path + ": cannot read it: " + e);
        }
        if (classes.isEmpty()) {
            throw new BuildException(path + ": holds no class files");
        }
        Build b = new Build(path.toString(), classes);
        for (String name : classes.keySet()) {
            try {
                b.node(name);
            } catch (RuntimeException e) {
                throw new BuildException(path + ": " + name + ".class is not a valid class file (" + e + ")");
            }
        }
        return b;
    }

    private static boolean wanted(String entry) {
        return entry.endsWith(".class") && !entry.startsWith("META-INF/") && !entry.endsWith("module-info.class")
                && !entry.endsWith("package-info.class");
    }

    String label() {
        return label;
    }

    /** Internal names of every class, sorted. */
    Iterable<String> names() {
        return bytes.keySet();
    }

    boolean has(String internalName) {
        return internalName != null && bytes.containsKey(internalName);
    }

    byte[] bytes(String internalName) {
        return bytes.get(internalName);
    }

    /** The class, read once, frames and all: for comparing and looking members up, never for copying. */
    ClassNode node(String internalName) {
        ClassNode n = nodes.get(internalName);
        if (n == null && bytes.containsKey(internalName)) {
            n = new ClassNode();
            new ClassReader(bytes.get(internalName)).accept(n, 0);
            nodes.put(internalName, n);
        }
        return n;
    }

    /** A fresh copy of the class, safe to change. */
    ClassNode copy(String internalName) {
        ClassNode n = new ClassNode();
        new ClassReader(bytes.get(internalName)).accept(n, 0);
        return n;
    }

    /** A fresh copy of one method (its labels its own), safe to change; null if the class does not declare it. */
    MethodNode copyMethod(String owner, String name, String desc) {
        for (MethodNode m : copy(owner).methods) {
            if (m.name.equals(name) && m.desc.equals(desc)) {
                return m;
            }
        }
        return null;
    }

    /** The method the class itself declares, or null. */
    MethodNode declared(String owner, String name, String desc) {
        ClassNode c = node(owner);
        if (c != null) {
            for (MethodNode m : c.methods) {
                if (m.name.equals(name) && m.desc.equals(desc)) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The field the class itself declares, or null. */
    FieldNode field(String owner, String name) {
        ClassNode c = node(owner);
        if (c != null) {
            for (FieldNode f : c.fields) {
                if (f.name.equals(name)) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * Where a class or method is in the source, for the report: {@code Cart.java:12}
     * (the method's first line), {@code Cart.java}, or null when the class file does not say.
     */
    String at(String owner, String method) {
        ClassNode c = node(owner);
        if (c == null || c.sourceFile == null) {
            return null;
        }
        MethodNode m = method == null || !method.contains("(") ? null
                : declared(owner, method.substring(0, method.indexOf('(')), method.substring(method.indexOf('(')));
        if (m != null) {
            for (org.objectweb.asm.tree.AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
                if (i instanceof org.objectweb.asm.tree.LineNumberNode l) {
                    return c.sourceFile + ":" + l.line;
                }
            }
        }
        return c.sourceFile;
    }

    @Override
    public String toString() {
        return label;
    }
}
