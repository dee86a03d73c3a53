package com.returnit.web.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code returnit.web}: the map's raster tiles ({@code map.tile-url} is a {@code {z}/{x}/{y}} template, env
 * {@code RETURNIT_MAP_STYLE_URL}; empty draws the map's layers on a blank background), their attribution, and whether
 * the login page offers the demo's accounts.
 */
@ConfigurationProperties("returnit.web")
record WebProperties(Map map, boolean showDemoLogins) {

	record Map(String tileUrl, String attribution, int maxZoom) {

		public Map {
			tileUrl = tileUrl == null ? "" : tileUrl.trim();
			attribution = attribution == null ? "" : attribution.trim();
			maxZoom = maxZoom <= 0 ? 19 : maxZoom;
		}
	}

	WebProperties {
		map = map == null ? new Map("", "", 19) : map;
	}
}
