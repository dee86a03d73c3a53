package com.returnit.merchants;

import java.util.UUID;

/** A place where a merchant receives returned parcels. */
public record Hub(UUID id, String name, String address, double lat, double lng) {
}
