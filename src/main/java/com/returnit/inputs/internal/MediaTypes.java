package com.returnit.inputs.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The request's Content-Type, judged before any handler parses it: a wildcard or unparseable media type, or JSON in a
 * charset other than UTF-8, is a 415 (Spring would otherwise fail while choosing a reader, as a 500).
 */
final class MediaTypes {

	private MediaTypes() {
	}

	/** What is wrong with the Content-Type header, or null when it is absent or acceptable. */
	static @Nullable String problem(@Nullable String contentType) {
		if (contentType == null) {
			return null;
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException e) {
			return "Content-Type '" + printable(contentType) + "' is not a valid media type; send application/json.";
		}
		if (type.isWildcardType() || type.isWildcardSubtype()) {
			return "Content-Type '" + printable(contentType) + "' is a wildcard; send application/json.";
		}
		if (MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(type) || "multipart".equals(type.getType())) {
			// no endpoint takes forms or multipart bodies; the container would parse (and fail on) them first
			return "Content-Type '" + printable(contentType) + "' is not taken: the API reads application/json.";
		}
		if (isJson(type)) {
			Charset charset;
			try {
				charset = type.getCharset();
			}
			catch (IllegalArgumentException e) {
				return "Content-Type '" + printable(contentType) + "' names an unknown charset; JSON is UTF-8.";
			}
			if (charset != null && !StandardCharsets.UTF_8.equals(charset)) {
				return "Content-Type '" + printable(contentType) + "': JSON is read as UTF-8 only.";
			}
		}
		return null;
	}

	static boolean isJson(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			return isJson(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException e) {
			return false;
		}
	}

	private static boolean isJson(MediaType type) {
		return "application".equals(type.getType())
				&& ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
	}

	private static String printable(String text) {
		String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
		return shown.replaceAll("[\\p{Cntrl}]", "?");
	}
}
