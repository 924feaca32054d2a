package dev.jlivepatch.agent.internal.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * A method's behaviour as text, one line per instruction, so that two
 * compilations of the same source compare equal: line numbers, local
 * variable names and types, frames and the order of the constant pool are
 * left out, constants appear as their values, and labels as the positions of
 * the branch targets only. A lambda the method creates appears as its
 * position ({@code lambda#0}), not its compiler-given name; its body is
 * compared on its own ({@link Lambdas}).
 */
final class Normalizer {
    private static final String[] OPCODES = opcodeNames();

    private Normalizer() {
    }

    /** The method's instructions and exception handlers, normalized. */
    static List<String> canonical(MethodNode m, Lambdas lambdas) {
        Map<LabelNode, Integer> labels = targets(m);
        List<String> out = new ArrayList<>();
        int lambda = 0;
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof LabelNode l) {
                if (labels.containsKey(l)) {
                    out.add("L" + labels.get(l) + ":");
                }
                continue;
            }
            if (i.getOpcode() < 0) {
                continue; // line numbers and frames
            }
            if (i instanceof InvokeDynamicInsnNode d) {
                Handle h = Lambdas.implementation(d);
                if (h != null && lambdas.isBody(h)) {
                    out.add(indy(d, "lambda#" + lambda++ + " " + h.getTag() + " " + h.getDesc()));
                    continue;
                }
            }
            out.add(insn(i, labels));
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            out.add("TRY L" + labels.get(t.start) + " L" + labels.get(t.end) + " L" + labels.get(t.handler) + " "
                    + t.type);
        }
        return out;
    }

    /** The labels that branches, switches and exception handlers use, numbered in order of appearance. */
    private static Map<LabelNode, Integer> targets(MethodNode m) {
        java.util.Set<LabelNode> used = new java.util.HashSet<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof JumpInsnNode j) {
                used.add(j.label);
            } else if (i instanceof TableSwitchInsnNode t) {
                used.add(t.dflt);
                used.addAll(t.labels);
            } else if (i instanceof LookupSwitchInsnNode s) {
                used.add(s.dflt);
                used.addAll(s.labels);
            }
        }
        for (TryCatchBlockNode t : m.tryCatchBlocks) {
            used.addAll(List.of(t.start, t.end, t.handler));
        }
        Map<LabelNode, Integer> numbers = new HashMap<>();
        for (AbstractInsnNode i = m.instructions.getFirst(); i != null; i = i.getNext()) {
            if (i instanceof LabelNode l && used.contains(l)) {
                numbers.put(l, numbers.size());
            }
        }
        return numbers;
    }

    /** One instruction, for people: what {@code --explain} shows of a difference. */
    static String insn(AbstractInsnNode i, Map<LabelNode, Integer> labels) {
        String op = OPCODES[i.getOpcode()];
        if (i instanceof VarInsnNode v) {
            return op + " " + v.var;
        } else if (i instanceof IntInsnNode n) {
            return op + " " + n.operand;
        } else if (i instanceof IincInsnNode n) {
            return op + " " + n.var + " " + n.incr;
        } else if (i instanceof TypeInsnNode t) {
            return op + " " + t.desc;
        } else if (i instanceof FieldInsnNode f) {
            return op + " " + f.owner + "." + f.name + " " + f.desc;
        } else if (i instanceof MethodInsnNode mi) {
            return op + " " + mi.owner + "." + mi.name + mi.desc + (mi.itf ? " itf" : "");
        } else if (i instanceof InvokeDynamicInsnNode d) {
            return indy(d, null);
        } else if (i instanceof JumpInsnNode j) {
            return op + " L" + labels.get(j.label);
        } else if (i instanceof LdcInsnNode l) {
            return op + " " + constant(l.cst);
        } else if (i instanceof TableSwitchInsnNode t) {
            return op + " " + t.min + ".." + t.max + " " + names(t.labels, labels) + " default L"
                    + labels.get(t.dflt);
        } else if (i instanceof LookupSwitchInsnNode s) {
            return op + " " + s.keys + " " + names(s.labels, labels) + " default L" + labels.get(s.dflt);
        } else if (i instanceof MultiANewArrayInsnNode a) {
            return op + " " + a.desc + " " + a.dims;
        }
        return op;
    }

    private static String indy(InvokeDynamicInsnNode d, String lambda) {
        StringBuilder b = new StringBuilder("INVOKEDYNAMIC ").append(d.name).append(d.desc).append(" ")
                .append(constant(d.bsm)).append(" [");
        for (int k = 0; k < d.bsmArgs.length; k++) {
            b.append(k == 0 ? "" : ", ").append(k == 1 && lambda != null ? lambda : constant(d.bsmArgs[k]));
        }
        return b.append("]").toString();
    }

    private static List<String> names(List<LabelNode> targets, Map<LabelNode, Integer> labels) {
        List<String> out = new ArrayList<>();
        for (LabelNode l : targets) {
            out.add("L" + labels.get(l));
        }
        return out;
    }

    /** A constant as its type and value: two constant pools in different orders give the same text. */
    static String constant(Object c) {
        if (c instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
        } else if (c instanceof Type t) {
            return "type " + t.getDescriptor();
        } else if (c instanceof Handle h) {
            return "handle " + h.getTag() + " " + h.getOwner() + "." + h.getName() + h.getDesc()
                    + (h.isInterface() ? " itf" : "");
        } else if (c instanceof ConstantDynamic cd) {
            Object[] args = new Object[cd.getBootstrapMethodArgumentCount()];
            for (int k = 0; k < args.length; k++) {
                args[k] = constant(cd.getBootstrapMethodArgument(k));
            }
            return "condy " + cd.getName() + " " + cd.getDescriptor() + " " + constant(cd.getBootstrapMethod()) + " "
                    + Arrays.toString(args);
        } else if (c instanceof Float f) {
            return "float " + Float.floatToRawIntBits(f) + " (" + f + ")";
        } else if (c instanceof Double dd) {
            return "double " + Double.doubleToRawLongBits(dd) + " (" + dd + ")";
        } else if (c instanceof Long l) {
            return l + "L";
        }
        return String.valueOf(c);
    }

    private static String[] opcodeNames() {
        String[] names = new String[256];
        for (java.lang.reflect.Field f : Opcodes.class.getFields()) {
            if (f.getType() == int.class && f.getName().matches("[A-Z0-9_]+") && !f.getName().startsWith("ACC_")
                    && !f.getName().startsWith("T_") && !f.getName().startsWith("H_") && !f.getName().startsWith("F_")
                    && !f.getName().startsWith("V") && !f.getName().startsWith("ASM")
                    && !f.getName().startsWith("SOURCE_")) {
                try {
                    int v = f.getInt(null);
                    if (v >= 0 && v < 256 && names[v] == null) {
                        names[v] = f.getName();
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        for (int k = 0; k < names.length; k++) {
            if (names[k] == null) {
                names[k] = "OP" + k;
            }
        }
        return names;
    }
}
