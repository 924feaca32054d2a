package dev.jlivepatch.agent.internal.control;

import dev.jlivepatch.agent.internal.manage.BlockerInfo;
import dev.jlivepatch.agent.internal.manage.TransitionInfo;
import dev.jlivepatch.agent.internal.manage.CallInfo;
import dev.jlivepatch.agent.internal.manage.CallsInfo;
import dev.jlivepatch.agent.internal.manage.CheckInfo;
import dev.jlivepatch.agent.internal.manage.DryRunInfo;
import dev.jlivepatch.agent.internal.manage.PatchInfo;
import dev.jlivepatch.agent.internal.manage.TargetInfo;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The control channel's encoding: what the agent and the command line say to
 * each other over the connection the agent opens (see {@link ControlDoor}).
 * Plain data only, written field by field with {@link DataOutputStream}: no
 * Java serialization, so a peer can make the other decode nothing but
 * strings, numbers and lists of the MBean's own value types.
 *
 * <p>The agent speaks first: {@link #MAGIC}, {@link #VERSION}, its pid and its
 * version. Then each request is an operation name and its arguments, and each
 * reply a status byte ({@link #OK}, {@link #REFUSED}, {@link #UNSUPPORTED},
 * {@link #FAILED}) and the result or the one-line reason.
 */
public final class Wire {
    /** The first four bytes the agent sends: {@code JLPC}. */
    public static final int MAGIC = 0x4A4C5043;
    /** The protocol's version, sent after {@link #MAGIC}. */
    public static final int VERSION = 1;
    /** The reply carries the operation's result. */
    public static final byte OK = 0;
    /** The agent refused the operation; the reply carries its one-line reason. */
    public static final byte REFUSED = 1;
    /** The agent does not know the operation (it is older than the command line). */
    public static final byte UNSUPPORTED = 2;
    /** The operation failed inside the agent; the reply carries what happened. */
    public static final byte FAILED = 3;
    private static final int MAX_STRING = 16 << 20;
    private static final int MAX_LIST = 1 << 20;

    private Wire() {
    }

    /** Writes a string, null included. */
    public static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads a string written by {@link #writeString}. */
    public static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > MAX_STRING) {
            throw new IOException("bad string length " + n + " on the control channel");
        }
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new java.io.EOFException("the control channel closed in the middle of a string");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Writes a request's or a reply's bytes, length first. */
    public static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads what {@link #writeBytes} wrote. */
    public static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_STRING) {
            throw new IOException("bad length " + n + " on the control channel");
        }
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new java.io.EOFException("the control channel closed in the middle of a message");
        }
        return bytes;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_LIST) {
            throw new IOException("bad list length " + n + " on the control channel");
        }
        return n;
    }

    /** Writes a list of strings. */
    public static void writeStrings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            writeString(out, s);
        }
    }

    /** Reads a list of strings. */
    public static List<String> readStrings(DataInputStream in) throws IOException {
        int n = count(in);
        List<String> out = new ArrayList<>(Math.min(n, 1024));
        for (int i = 0; i < n; i++) {
            out.add(readString(in));
        }
        return out;
    }

    /** Writes the patches as the MBean shows them. */
    public static void writePatches(DataOutputStream out, List<PatchInfo> patches) throws IOException {
        out.writeInt(patches.size());
        for (PatchInfo p : patches) {
            writeString(out, p.getId());
            writeString(out, p.getDescription());
            out.writeBoolean(p.isEnabled());
            writeString(out, p.getTransition());
            out.writeBoolean(p.isForced());
            out.writeBoolean(p.isReplace());
            out.writeInt(p.getStackOrder());
            writeTargets(out, p.getTargets());
        }
    }

    private static void writeTargets(DataOutputStream out, List<TargetInfo> targets) throws IOException {
        out.writeInt(targets.size());
        for (TargetInfo t : targets) {
            writeString(out, t.getClassName());
            out.writeBoolean(t.isLoaded());
            writeString(out, t.getLoader());
            writeStrings(out, t.getMethods());
            out.writeBoolean(t.isPatched());
            writeString(out, t.getRefusal());
        }
    }

    private static List<TargetInfo> readTargets(DataInputStream in) throws IOException {
        int targets = count(in);
        List<TargetInfo> ts = new ArrayList<>();
        for (int j = 0; j < targets; j++) {
            ts.add(new TargetInfo(readString(in), in.readBoolean(), readString(in), readStrings(in), in.readBoolean(),
                    readString(in)));
        }
        return ts;
    }

    /** Reads what {@link #writePatches} wrote. */
    public static List<PatchInfo> readPatches(DataInputStream in) throws IOException {
        int n = count(in);
        List<PatchInfo> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = readString(in);
            String description = readString(in);
            boolean enabled = in.readBoolean();
            String transition = readString(in);
            boolean forced = in.readBoolean();
            boolean replace = in.readBoolean();
            int order = in.readInt();
            out.add(new PatchInfo(id, description, enabled, transition, forced, replace, order, readTargets(in)));
        }
        return out;
    }

    /** Writes the threads that block a transition. */
    public static void writeBlockers(DataOutputStream out, List<BlockerInfo> blockers) throws IOException {
        out.writeInt(blockers.size());
        for (BlockerInfo b : blockers) {
            writeString(out, b.getThread());
            out.writeLong(b.getThreadId());
            out.writeBoolean(b.isVirtual());
            writeString(out, b.getFrame());
        }
    }

    /** Reads what {@link #writeBlockers} wrote. */
    public static List<BlockerInfo> readBlockers(DataInputStream in) throws IOException {
        int n = count(in);
        List<BlockerInfo> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new BlockerInfo(readString(in), in.readLong(), in.readBoolean(), readString(in)));
        }
        return out;
    }

    /** Writes the last completed transition, or its absence. */
    public static void writeTransition(DataOutputStream out, TransitionInfo t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            writeString(out, t.getPatch());
            writeString(out, t.getKind());
            out.writeDouble(t.getDurationMillis());
            out.writeInt(t.getRounds());
            out.writeLong(t.getSelfSwitched());
            out.writeLong(t.getManagerSwitched());
            out.writeBoolean(t.isReversed());
            out.writeBoolean(t.isForced());
        }
    }

    /** Reads what {@link #writeTransition} wrote. */
    public static TransitionInfo readTransition(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return new TransitionInfo(readString(in), readString(in), in.readDouble(), in.readInt(), in.readLong(),
                in.readLong(), in.readBoolean(), in.readBoolean());
    }

    /** Writes a dry run's report. */
    public static void writeDryRun(DataOutputStream out, DryRunInfo r) throws IOException {
        writeString(out, r.getId());
        writeString(out, r.getDescription());
        out.writeBoolean(r.isReplace());
        writeStrings(out, r.getReplaces());
        writeTargets(out, r.getTargets());
        out.writeInt(r.getChecks().size());
        for (CheckInfo c : r.getChecks()) {
            writeString(out, c.getName());
            out.writeBoolean(c.isPassed());
            writeString(out, c.getDetail());
        }
        writeBlockers(out, r.getBlockingThreads());
        writeStrings(out, r.getNotes());
        writeString(out, r.getRefusal());
    }

    /** Reads what {@link #writeDryRun} wrote. */
    public static DryRunInfo readDryRun(DataInputStream in) throws IOException {
        String id = readString(in);
        String description = readString(in);
        boolean replace = in.readBoolean();
        List<String> replaces = readStrings(in);
        List<TargetInfo> targets = readTargets(in);
        int n = count(in);
        List<CheckInfo> checks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            checks.add(new CheckInfo(readString(in), in.readBoolean(), readString(in)));
        }
        return new DryRunInfo(id, description, replace, replaces, targets, checks, readBlockers(in), readStrings(in),
                readString(in));
    }

    /** Writes the call counts. */
    public static void writeCalls(DataOutputStream out, CallsInfo c) throws IOException {
        out.writeBoolean(c.isCounting());
        out.writeLong(c.getSince());
        out.writeLong(c.getUntil());
        out.writeInt(c.getCalls().size());
        for (CallInfo n : c.getCalls()) {
            writeString(out, n.getPatch());
            writeString(out, n.getClassName());
            writeString(out, n.getLoader());
            writeString(out, n.getMethod());
            out.writeLong(n.getCalls());
        }
    }

    /** Reads what {@link #writeCalls} wrote. */
    public static CallsInfo readCalls(DataInputStream in) throws IOException {
        boolean counting = in.readBoolean();
        long since = in.readLong();
        long until = in.readLong();
        int n = count(in);
        List<CallInfo> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(new CallInfo(readString(in), readString(in), readString(in), readString(in), in.readLong()));
        }
        return new CallsInfo(counting, since, until, calls);
    }
}
