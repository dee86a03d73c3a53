package com.returnit.tracking.internal.live;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * The stream endpoint. Authentication happens on the upgrade request, through the same security chain as the API
 * (bearer header, or {@code access_token} for browsers); no cookies are involved, so any origin may connect.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class StreamConfiguration implements WebSocketConfigurer {

	private final StreamHandler handler;

	StreamConfiguration(StreamHandler handler) {
		this.handler = handler;
	}

	@Override
	public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
		registry.addHandler(handler, "/v1/stream").setAllowedOriginPatterns("*");
	}
}
