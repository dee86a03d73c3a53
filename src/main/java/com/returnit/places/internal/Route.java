package com.returnit.places.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The way between two places: by road (a router's answer) or, without one, the straight line.
 * @param road true: {@code path} follows streets; false: it is the straight line (no router, or it did not answer)
 * @param distanceM along the path
 * @param durationS the router's driving time; null for the straight line
 * @param path [lat, lng] points from the start to the end
 */
record Route(boolean road, double distanceM, @Nullable Double durationS, List<double[]> path) {
}
