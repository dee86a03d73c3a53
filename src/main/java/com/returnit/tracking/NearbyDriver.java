package com.returnit.tracking;

/** A driver on shift near a point, with the distance to it. */
public record NearbyDriver(Position position, double distanceKm) {
}
