package com.returnit.operations.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;

/**
 * The Content-Security-Policy of the /ops page: its one inline style sheet and its one inline script are allowed by
 * their SHA-256 hashes, computed from the page itself, so nothing else (an injected script or handler) can run; it
 * talks only to its own origin (the API and the live stream).
 */
final class OpsPagePolicy {

	static final String PAGE = "operations/ops.html";

	private OpsPagePolicy() {
	}

	static String forPage() {
		String html = read();
		return "default-src 'none'; script-src " + hashOf(html, "script") + "; style-src " + hashOf(html, "style")
				+ "; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
	}

	private static String hashOf(String html, String tag) {
		Matcher inline = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
		if (!inline.find()) {
			throw new IllegalStateException(PAGE + " has no inline <" + tag + ">");
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.group(1).getBytes(StandardCharsets.UTF_8));
			return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String read() {
		try (InputStream in = new ClassPathResource(PAGE).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read " + PAGE, e);
		}
	}
}
