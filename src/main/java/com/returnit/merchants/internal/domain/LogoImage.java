package com.returnit.merchants.internal.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The picture formats a merchant's logo may be in, each known by its first bytes, so that what is stored and later
 * served with that type is what it says it is. No SVG: it can carry script.
 */
public enum LogoImage {

	PNG("image/png"), JPEG("image/jpeg"), WEBP("image/webp");

	/** The largest logo stored: 256 KiB. */
	public static final int MAX_BYTES = 256 * 1024;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
	private static final byte[] JPEG_SIGNATURE = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	private final String contentType;

	LogoImage(String contentType) {
		this.contentType = contentType;
	}

	public String contentType() {
		return contentType;
	}

	/** The format of this media type (no parameters, any case), if it is one a logo may be in. */
	public static Optional<LogoImage> ofContentType(String mediaType) {
		return Arrays.stream(values()).filter(f -> f.contentType.equalsIgnoreCase(mediaType)).findFirst();
	}

	/** Whether these bytes begin as this format's files do. */
	public boolean matches(byte[] bytes) {
		return switch (this) {
			case PNG -> startsWith(bytes, PNG_SIGNATURE, 0);
			case JPEG -> startsWith(bytes, JPEG_SIGNATURE, 0);
			// RIFF <size> WEBP
			case WEBP -> bytes.length >= 12 && startsWith(bytes, new byte[] { 'R', 'I', 'F', 'F' }, 0)
					&& startsWith(bytes, new byte[] { 'W', 'E', 'B', 'P' }, 8);
		};
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix, int at) {
		if (bytes.length < at + prefix.length) {
			return false;
		}
		return Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
	}
}
