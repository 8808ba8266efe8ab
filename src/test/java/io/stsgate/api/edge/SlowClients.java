package io.stsgate.api.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw connections that start a request and then stall, as a slow-loris client does, and watch when the server closes
 * each one.
 */
final class SlowClients implements AutoCloseable {

    /** One connection: when it last sent a byte and, once the server closed it, how long after that. */
    static final class Connection {
        private final SocketChannel channel;
        private long lastWriteNanos;
        private Duration closedAfter;

        private Connection(SocketChannel channel) {
            this.channel = channel;
        }

        Duration closedAfter() {
            return closedAfter;
        }

        boolean closed() {
            return closedAfter != null;
        }
    }

    private final List<Connection> connections = new ArrayList<>();
    private final Selector selector;

    private SlowClients() throws IOException {
        this.selector = Selector.open();
    }

    /** Opens {@code count} connections, each sending a request line and one header line, then nothing. */
    static SlowClients open(String host, int port, int count) throws IOException {
        return open(host, port, count,
                "POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-www-form-urlencoded\r\n");
    }

    /** Opens {@code count} connections, each sending all headers and the first bytes of a longer body, then nothing. */
    static SlowClients openStalledUploads(String host, int port, int count) throws IOException {
        return open(host, port, count, "POST / HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nAction=Get");
    }

    private static SlowClients open(String host, int port, int count, String startOfRequest) throws IOException {
        var clients = new SlowClients();
        byte[] start = startOfRequest.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            var channel = SocketChannel.open(new InetSocketAddress(host, port));
            var connection = new Connection(channel);
            channel.write(ByteBuffer.wrap(start));
            connection.lastWriteNanos = System.nanoTime();
            channel.configureBlocking(false);
            channel.register(clients.selector, SelectionKey.OP_READ, connection);
            clients.connections.add(connection);
        }
        return clients;
    }

    List<Connection> connections() {
        return connections;
    }

    long closedCount() {
        return connections.stream().filter(Connection::closed).count();
    }

    /** Watches for closes until all are closed or {@code watch} has passed. */
    void watch(Duration watch) throws IOException {
        long deadline = System.nanoTime() + watch.toNanos();
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (closedCount() < connections.size() && System.nanoTime() < deadline) {
            selector.select(100);
            for (SelectionKey key : selector.selectedKeys()) {
                var connection = (Connection) key.attachment();
                int read;
                try {
                    buffer.clear();
                    read = connection.channel.read(buffer);
                } catch (IOException reset) {
                    read = -1;
                }
                if (read < 0) {
                    connection.closedAfter = Duration.ofNanos(System.nanoTime() - connection.lastWriteNanos);
                    key.cancel();
                    connection.channel.close();
                }
            }
            selector.selectedKeys().clear();
        }
    }

    @Override
    public void close() {
        try {
            for (Connection connection : connections) {
                connection.channel.close();
            }
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
