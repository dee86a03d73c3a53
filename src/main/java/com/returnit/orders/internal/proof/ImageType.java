package com.returnit.orders.internal.proof;

import java.util.Optional;

/**
 * The image types proof may be, told by their first bytes (never by what the client declared): JPEG
 * ({@code FF D8 FF}), PNG ({@code 89 50 4E 47 0D 0A 1A 0A}) and WebP ({@code RIFF....WEBP}).
 */
public final class ImageType {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	private static final byte[] RIFF = { 'R', 'I', 'F', 'F' };
	private static final byte[] WEBP = { 'W', 'E', 'B', 'P' };

	private ImageType() {
	}

	/** The media type of this content, or empty when it is none of the accepted images. */
	public static Optional<String> of(byte[] content) {
		if (startsWith(content, 0, JPEG)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(content, 0, PNG)) {
			return Optional.of("image/png");
		}
		if (startsWith(content, 0, RIFF) && startsWith(content, 8, WEBP)) {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] content, int offset, byte[] magic) {
		if (content.length < offset + magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (content[offset + i] != magic[i]) {
				return false;
			}
		}
		return true;
	}
}
