package io.shebao.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * 帧: the few messages between a client and the resident process, bounded in size.
 *
 * <p>A request is the protocol number, the key and the arguments (or {@link #STOP}); the process offers, the
 * client says go, and the answer is a run of stdout and stderr chunks, then the exit code.
 */
final class Frames {
    static final int MAGIC = 0x53484231; // "SHB1"
    static final int STOP = -1;
    static final byte OUT = 1;
    static final byte ERR = 2;
    static final byte EXIT = 3;
    /** The process offers to answer; it runs the call only when the client replies {@link #GO}. */
    static final byte OFFER = 4;
    /**
     * The client's go-ahead: before it, a client that gives up (no offer in time) answers the question itself and
     * nothing ran; after it, the call has happened and must not run again.
     */
    static final byte GO = 5;
    /** More arguments than any command takes: refused before reading them. */
    static final int MAX_ARGS = 512;
    static final int MAX_CHUNK = 64 * 1024;

    private Frames() {
    }

    static void writeRequest(DataOutputStream out, String key, List<String> args) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(DaemonAddress.PROTOCOL);
        writeKey(out, key);
        out.writeInt(args.size());
        for (String a : args) {
            out.writeUTF(a); // at most 65,535 bytes each: an argument longer than that is not a question
        }
        out.flush();
    }

    /** A request to stop the process of {@code key}. */
    static void writeStop(DataOutputStream out, String key) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(DaemonAddress.PROTOCOL);
        writeKey(out, key);
        out.writeInt(STOP);
        out.flush();
    }

    /** A key of any length (paths can be long), bounded. */
    static void writeKey(DataOutputStream out, String key) throws IOException {
        byte[] k = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(k.length);
        out.write(k);
    }

    /**
     * The arguments, or null for a stop request; throws when the request is not of this protocol or its key
     * (build, environment, folder: {@link DaemonAddress}) is not {@code key}.
     */
    static List<String> readRequest(DataInputStream in, String key) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != DaemonAddress.PROTOCOL) {
            throw new IOException("not a shebao request of protocol " + DaemonAddress.PROTOCOL);
        }
        int len = in.readInt();
        if (len < 0 || len > MAX_CHUNK) {
            throw new IOException("key of " + len + " bytes");
        }
        byte[] k = new byte[len];
        in.readFully(k);
        if (!new String(k, java.nio.charset.StandardCharsets.UTF_8).equals(key)) {
            throw new IOException("a request for another build, environment or folder");
        }
        int n = in.readInt();
        if (n == STOP) {
            return null;
        }
        if (n < 0 || n > MAX_ARGS) {
            throw new IOException("argument count " + n + " outside 0.." + MAX_ARGS);
        }
        List<String> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            args.add(in.readUTF());
        }
        return args;
    }

    /** stdout or stderr of a call, cut into chunks. */
    static final class Stream extends OutputStream {
        private final DataOutputStream sink;
        private final byte kind;

        Stream(DataOutputStream sink, byte kind) {
            this.sink = sink;
            this.kind = kind;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            synchronized (sink) {
                while (len > 0) {
                    int n = Math.min(len, MAX_CHUNK);
                    sink.writeByte(kind);
                    sink.writeInt(n);
                    sink.write(b, off, n);
                    off += n;
                    len -= n;
                }
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (sink) {
                sink.flush();
            }
        }
    }

    static void offer(DataOutputStream sink) throws IOException {
        synchronized (sink) {
            sink.writeByte(OFFER);
            sink.flush();
        }
    }

    static void writeExit(DataOutputStream sink, int code) throws IOException {
        synchronized (sink) {
            sink.writeByte(EXIT);
            sink.writeInt(code);
            sink.flush();
        }
    }
}
