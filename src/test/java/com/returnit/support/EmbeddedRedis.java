package com.returnit.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** A real Redis server (embedded-redis) for the tests of the Redis paths, on a free loopback port. */
public final class EmbeddedRedis {

	private EmbeddedRedis() {
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A Redis server started on this port; stop it (and start it again) to test its loss. */
	public static RedisServer startedOn(int port) {
		try {
			RedisServer server = new RedisServer(port);
			server.start();
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
