package com.returnit.places.internal;

/** A place a geocoder found: how to show it, and where it is. */
record Place(String label, double lat, double lng) {
}
