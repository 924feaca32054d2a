package dev.jlivepatch.agent.internal.control;

import dev.jlivepatch.agent.internal.manage.LivepatchMXBean;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * One command line's connection, served in the agent: hello, then requests
 * answered one at a time through the MBean's own operations until the command
 * line closes it. The same operations as over JMX, so the command line and JMX
 * clients see the same agent.
 */
public final class ControlSession {
    private final LivepatchMXBean agent;
    private final DataInputStream in;
    private final DataOutputStream out;

    /**
     * @param agent the MBean the requests go to
     * @param channel the connection to the command line
     */
    public ControlSession(LivepatchMXBean agent, SocketChannel channel) {
        this.agent = agent;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
    }

    /**
     * Says hello and answers requests until the command line closes the connection.
     *
     * @throws IOException if the connection fails
     */
    public void serve() throws IOException {
        out.writeInt(Wire.MAGIC);
        out.writeInt(Wire.VERSION);
        out.writeLong(ProcessHandle.current().pid());
        Wire.writeString(out, agent.getVersion());
        out.flush();
        while (true) {
            String op;
            try {
                op = Wire.readString(in);
            } catch (EOFException done) {
                return;
            }
            byte[] args = Wire.readBytes(in);
            answer(op, new DataInputStream(new java.io.ByteArrayInputStream(args)));
            out.flush();
        }
    }

    private void answer(String op, DataInputStream args) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        DataOutputStream result = new DataOutputStream(buffer);
        byte status = Wire.OK;
        String reason = null;
        try {
            if (!perform(op, args, result)) {
                status = Wire.UNSUPPORTED;
                reason = "no operation '" + op + "' in this agent (version " + agent.getVersion() + ")";
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            status = Wire.REFUSED;
            reason = e.getMessage() == null ? e.toString() : e.getMessage();
        } catch (IOException | RuntimeException | LinkageError e) {
            status = Wire.FAILED;
            reason = e.toString();
        }
        out.writeByte(status);
        if (status == Wire.OK) {
            buffer.writeTo(out);
        } else {
            Wire.writeString(out, reason);
        }
    }

    /** Reads an operation's arguments, runs it, writes its result; false for an operation it does not know. */
    private boolean perform(String op, DataInputStream in, DataOutputStream result) throws IOException {
        switch (op) {
            case "version" -> Wire.writeString(result, agent.getVersion());
            case "patches" -> Wire.writePatches(result, agent.getPatches());
            case "blockers" -> Wire.writeBlockers(result, agent.getBlockingThreads());
            case "lastTransition" -> Wire.writeTransition(result, agent.getLastTransition());
            case "load" -> {
                String path = Wire.readString(in);
                boolean deferred = in.readBoolean();
                Wire.writeString(result, agent.load(path, deferred));
            }
            case "enable" -> agent.enable(Wire.readString(in));
            case "disable" -> agent.disable(Wire.readString(in));
            case "remove" -> agent.remove(Wire.readString(in));
            case "force" -> agent.force(Wire.readString(in));
            case "awaitTransition" -> result.writeBoolean(agent.awaitTransition(in.readLong()));
            case "dryRun" -> {
                String path = Wire.readString(in);
                boolean deferred = in.readBoolean();
                Wire.writeDryRun(result, agent.dryRun(path, deferred));
            }
            case "calls" -> Wire.writeCalls(result, agent.getCalls());
            case "countCalls" -> Wire.writeCalls(result, agent.countCalls(in.readLong()));
            case "stopCounting" -> Wire.writeCalls(result, agent.stopCounting());
            default -> {
                return false;
            }
        }
        return true;
    }
}
