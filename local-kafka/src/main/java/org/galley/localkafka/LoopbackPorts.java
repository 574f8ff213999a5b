package org.galley.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Ports on 127.0.0.1 for the in-process broker and the local stack: a free one when the caller does not care,
 * and a clear refusal when a fixed one is already taken.
 */
public final class LoopbackPorts {

    static final String HOST = "127.0.0.1";

    private LoopbackPorts() {
    }

    /** A port nobody listens on right now; another process could still take it before Kafka does. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + HOST, e);
        }
    }

    /** Fails with a message naming the port if something already listens on it. */
    static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
        } catch (BindException e) {
            throw new IllegalStateException("Port " + port + " on " + HOST + " is already in use:"
                    + " another Kafka (or a previous run) is probably still listening there."
                    + " Stop it, or start on another port.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check port " + port + " on " + HOST, e);
        }
    }
}
