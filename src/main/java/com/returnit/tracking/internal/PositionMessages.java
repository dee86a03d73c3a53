package com.returnit.tracking.internal;

import com.returnit.tracking.Position;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Positions as compact text messages ({@code driverId,lat,lng,epochMicros;...}: microseconds, PostgreSQL's precision), each under PostgreSQL's 8,000-byte
 * NOTIFY limit whatever the number of positions.
 */
public final class PositionMessages {

	static final int MAX_CHARS = 7_500;

	private PositionMessages() {
	}

	public static List<String> encode(List<Position> positions) {
		List<String> messages = new ArrayList<>();
		StringBuilder message = new StringBuilder();
		for (Position p : positions) {
			String entry = p.driverId() + "," + p.lat() + "," + p.lng() + "," + ChronoUnit.MICROS.between(Instant.EPOCH, p.recordedAt());
			if (!message.isEmpty() && message.length() + 1 + entry.length() > MAX_CHARS) {
				messages.add(message.toString());
				message.setLength(0);
			}
			message.append(message.isEmpty() ? "" : ";").append(entry);
		}
		if (!message.isEmpty()) {
			messages.add(message.toString());
		}
		return messages;
	}

	public static List<Position> decode(String message) {
		List<Position> positions = new ArrayList<>();
		for (String entry : message.split(";")) {
			String[] f = entry.split(",");
			positions.add(new Position(UUID.fromString(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
					Instant.EPOCH.plus(Long.parseLong(f[3]), ChronoUnit.MICROS)));
		}
		return positions;
	}
}
