package org.galley.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on a loopback port that a test can switch off and on, to put an outage between clients and a
 * server without stopping the server (the embedded registry keeps its schemas in memory). {@link #cut()} closes
 * the listener and every open connection, so clients see connection refused and their pooled connections break;
 * {@link #restore()} listens on the same port again. Each connection is forwarded to {@code target} by two
 * threads, one per direction.
 */
final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile int port;
    private volatile ServerSocket listener;

    private TcpProxy(int targetPort) {
        this.targetPort = targetPort;
    }

    /** Listens on a free loopback port and forwards every connection to {@code targetPort} on loopback. */
    static TcpProxy start(int targetPort) {
        TcpProxy proxy = new TcpProxy(targetPort);
        proxy.listen(0);
        return proxy;
    }

    int port() {
        return port;
    }

    /** The outage: nothing listens any more, and every connection through the proxy is closed. */
    synchronized void cut() {
        closeQuietly(listener);
        listener = null;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** The end of the outage: listening on the same port again. */
    synchronized void restore() {
        if (listener == null) {
            listen(port);
        }
    }

    private void listen(int on) {
        try {
            ServerSocket socket = new ServerSocket();
            // The port was ours a moment ago; connections closed by cut() may still be in TIME_WAIT.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 50);
            port = socket.getLocalPort();
            listener = socket;
            accept(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on loopback port " + on, e);
        }
    }

    private void accept(ServerSocket socket) {
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket server;
                    try {
                        server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    } catch (IOException refused) {
                        closeQuietly(client);
                        continue;
                    }
                    open.add(client);
                    open.add(server);
                    if (socket.isClosed()) {
                        // cut() came between accept and here; this connection must not outlive it.
                        closeQuietly(client);
                        closeQuietly(server);
                        continue;
                    }
                    pump(client, server);
                    pump(server, client);
                } catch (IOException e) {
                    // The listener was closed by cut() or close().
                }
            }
        }, "tcp-proxy-accept-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException closed) {
                // cut(), or the other side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    @Override
    public void close() {
        cut();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing is all we wanted
        }
    }
}
