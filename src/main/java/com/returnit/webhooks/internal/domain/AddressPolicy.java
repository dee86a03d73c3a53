package com.returnit.webhooks.internal.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Which addresses a webhook may never reach: loopback, private, link-local (cloud metadata lives at 169.254.169.254
 * and fd00:ec2::254), shared carrier-grade NAT, multicast and reserved ranges. Checked on the resolved addresses,
 * so a public name pointing inside is refused too.
 */
public final class AddressPolicy {

	private AddressPolicy() {
	}

	/** Why this address is refused, or empty when it is a public unicast address. */
	public static Optional<String> whyRefused(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return Optional.of("loopback address");
		}
		if (address.isAnyLocalAddress()) {
			return Optional.of("unspecified address");
		}
		if (address.isLinkLocalAddress()) {
			return Optional.of("link-local address (cloud metadata)");
		}
		if (address.isSiteLocalAddress()) {
			return Optional.of("private address");
		}
		if (address.isMulticastAddress()) {
			return Optional.of("multicast address");
		}
		byte[] b = address.getAddress();
		if (address instanceof Inet6Address) {
			return ipv6(b);
		}
		return address instanceof Inet4Address ? ipv4(b) : Optional.of("unknown address family");
	}

	private static Optional<String> ipv4(byte[] b) {
		int first = b[0] & 0xff;
		int second = b[1] & 0xff;
		if (first == 0) {
			return Optional.of("unspecified address");
		}
		if (first == 100 && second >= 64 && second <= 127) {
			return Optional.of("private address (carrier-grade NAT)");
		}
		if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
			return Optional.of("reserved address");
		}
		if (first == 198 && (second == 18 || second == 19)) {
			return Optional.of("reserved address (benchmarking)");
		}
		if (first >= 240) {
			return Optional.of("reserved address");
		}
		return Optional.empty();
	}

	private static Optional<String> ipv6(byte[] b) {
		if ((b[0] & 0xfe) == 0xfc) {
			return Optional.of("private address (unique local, includes fd00:ec2::254 metadata)");
		}
		if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
			return Optional.of("private address (site-local)");
		}
		boolean mapped = true;
		for (int i = 0; i < 10; i++) {
			mapped &= b[i] == 0;
		}
		if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
			try {
				return whyRefused(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
			}
			catch (java.net.UnknownHostException e) {
				return Optional.of("unreadable address");
			}
		}
		if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
			return Optional.of("reserved address (documentation)");
		}
		if ((b[0] & 0xff) == 0x00 && mapped) {
			return Optional.of("reserved address");
		}
		return Optional.empty();
	}
}
