package com.returnit.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client that sends exactly the bytes it is given (a JDK client refuses, rightly, to send a broken
 * percent-encoding or a header a server must survive), over one kept-alive connection per fuzzing thread.
 */
final class RawHttp implements AutoCloseable {

	record Answer(int status, Map<String, String> headers, byte[] body) {

		String header(String name) {
			return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
		}

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}
	}

	private final int port;
	private Socket socket;
	private InputStream in;
	private OutputStream out;

	RawHttp(int port) {
		this.port = port;
	}

	Answer send(String method, String target, List<String[]> headers, byte[] body) throws IOException {
		for (int attempt = 0;; attempt++) {
			try {
				connect();
				write(method, target, headers, body);
				return read(method);
			}
			catch (IOException e) {
				close();
				if (attempt == 1) {
					throw e;
				}
			}
		}
	}

	private void connect() throws IOException {
		if (socket != null) {
			return;
		}
		socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		socket.setSoTimeout(30_000);
		socket.setTcpNoDelay(true);
		in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
		out = new java.io.BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
	}

	private void write(String method, String target, List<String[]> headers, byte[] body) throws IOException {
		StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
			.append("Host: 127.0.0.1:").append(port).append("\r\n");
		for (String[] header : headers) {
			head.append(header[0]).append(": ").append(header[1]).append("\r\n");
		}
		if (body.length > 0 || !method.equals("GET") && !method.equals("DELETE")) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.write(body);
		out.flush();
	}

	private Answer read(String method) throws IOException {
		String statusLine = line();
		if (statusLine == null) {
			throw new IOException("connection closed before an answer");
		}
		String[] parts = statusLine.split(" ", 3);
		int status = Integer.parseInt(parts[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = line(); line != null && !line.isEmpty(); line = line()) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
						(a, b) -> a + ", " + b);
			}
		}
		byte[] body;
		if (method.equals("HEAD") || status == 204 || status == 304) {
			body = new byte[0];
		}
		else if (headers.getOrDefault("transfer-encoding", "").contains("chunked")) {
			body = chunked();
		}
		else if (headers.containsKey("content-length")) {
			body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
		}
		else {
			body = in.readAllBytes();
			close();
		}
		if (headers.getOrDefault("connection", "").equalsIgnoreCase("close")) {
			close();
		}
		return new Answer(status, headers, body);
	}

	private byte[] chunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		for (;;) {
			String size = line();
			if (size == null) {
				throw new IOException("chunked body cut short");
			}
			int semicolon = size.indexOf(';');
			int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
			if (length == 0) {
				for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
					// trailers are not looked at
				}
				return body.toByteArray();
			}
			body.write(in.readNBytes(length));
			line();
		}
	}

	private String line() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream(64);
		for (int b = in.read(); b >= 0; b = in.read()) {
			if (b == '\n') {
				byte[] bytes = line.toByteArray();
				int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
		}
		return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException e) {
				// closing a broken connection
			}
		}
		socket = null;
	}
}
