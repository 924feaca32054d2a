package dev.jlivepatch.agent.internal.core;

import dev.jlivepatch.agent.internal.weave.PatchClassRewriter;
import dev.jlivepatch.runtime.Access;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * A target class that is being defined while its patch is bound (it loads
 * after the patch): it cannot be loaded by name from within its own
 * definition, so the patch's uses of its members are checked against its
 * class file, and it appears in the patch's rewritten code as its stand-in.
 *
 * @param name its internal name
 * @param standIn what stands for it in the rewritten patch code: itself when public
 * @param superName its superclass's internal name
 * @param members its declared fields and methods, as {@code name desc static}
 */
record DefiningTarget(String name, String standIn, String superName, Set<String> members) {

    static DefiningTarget of(byte[] classFile, String standIn) {
        Set<String> members = new HashSet<>();
        String[] names = new String[2];
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String n, String sig, String sup, String[] itfs) {
                names[0] = n;
                names[1] = sup;
            }

            @Override
            public FieldVisitor visitField(int access, String n, String desc, String sig, Object value) {
                members.add(n + " " + desc + " " + ((access & Opcodes.ACC_STATIC) != 0));
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String n, String desc, String sig, String[] ex) {
                members.add(n + " " + desc + " " + ((access & Opcodes.ACC_STATIC) != 0));
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new DefiningTarget(names[0], standIn, names[1], Set.copyOf(members));
    }

    /** Whether a use names this class (then it is checked here, not resolved by name). */
    boolean named(PatchClassRewriter.Use u) {
        String desc = "L" + name + ";";
        return u.owner().replace('.', '/').equals(name) || u.desc().contains(desc) || u.type().contains(desc);
    }

    /**
     * Checks a use of this class's members against its class file, and those
     * it inherits through its superclasses (loaded: they are other classes).
     *
     * @return null if it links, or why not
     */
    String check(PatchClassRewriter.Use u, ClassLoader loader) {
        if (!u.owner().replace('.', '/').equals(name)) {
            return null; // another class's member that names this type: linked as it is first used
        }
        Type t = Type.getMethodType(u.desc());
        Type[] args = t.getArgumentTypes();
        switch (u.kind()) {
            case Access.FIELD -> {
                boolean write = t.getReturnType() == Type.VOID_TYPE;
                boolean isStatic = args.length == (write ? 1 : 0);
                String type = write ? args[args.length - 1].getDescriptor() : t.getReturnType().getDescriptor();
                return has(u.member() + " " + type + " " + isStatic) || inherited(u, loader, true)
                        ? null : "no field " + u.member() + " of type " + type;
            }
            case Access.METHOD -> {
                if (has(u.member() + " " + u.desc() + " true")) {
                    return null;
                }
                String own = "(" + u.desc().substring(u.desc().indexOf(';') + 1);
                return args.length > 0 && has(u.member() + " " + own + " false") || inherited(u, loader, false)
                        ? null : "no method " + u.member() + " " + u.desc();
            }
            case Access.NEW -> {
                String init = u.desc().substring(0, u.desc().indexOf(')') + 1) + "V";
                return has("<init> " + init + " false") ? null : "no constructor " + init;
            }
            default -> {
                return null;
            }
        }
    }

    private boolean has(String member) {
        return members.contains(member);
    }

    /** Whether a superclass declares the member, by name (its types may name this class). */
    private boolean inherited(PatchClassRewriter.Use u, ClassLoader loader, boolean field) {
        try {
            for (Class<?> c = Class.forName(superName.replace('/', '.'), false, loader); c != null;
                 c = c.getSuperclass()) {
                if (field) {
                    for (Field f : c.getDeclaredFields()) {
                        if (f.getName().equals(u.member())) {
                            return true;
                        }
                    }
                } else {
                    for (Method m : c.getDeclaredMethods()) {
                        if (m.getName().equals(u.member()) && !Modifier.isPrivate(m.getModifiers())) {
                            return true;
                        }
                    }
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return false;
    }
}
