package com.returnit.web.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code returnit.web}: the map's raster tiles ({@code map.tile-url} is a {@code {z}/{x}/{y}} template, env
 * {@code RETURNIT_MAP_STYLE_URL}; empty draws the map's layers on a blank background), their attribution, where maps
 * open, and whether
 * the login page offers the demo's accounts.
 */
@ConfigurationProperties("returnit.web")
record WebProperties(Map map, boolean showDemoLogins) {

	/** {@code center} ([lat, lng]) is where a map opens before anything is placed on it, e.g. to drop a pickup pin. */
	record Map(String tileUrl, String attribution, int maxZoom, java.util.List<Double> center) {

		public Map {
			tileUrl = tileUrl == null ? "" : tileUrl.trim();
			attribution = attribution == null ? "" : attribution.trim();
			maxZoom = maxZoom <= 0 ? 19 : maxZoom;
			center = center == null || center.size() != 2 ? java.util.List.of(52.52, 13.405) : java.util.List.copyOf(center);
		}
	}

	WebProperties {
		map = map == null ? new Map("", "", 19, null) : map;
	}
}
