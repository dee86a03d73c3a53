package com.returnit.notifications.internal;

import com.returnit.notifications.internal.domain.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Message templates from {@code resources/notifications/<name>.<email|sms>.txt}, read once. */
@Component
class Templates {

	private final Map<String, Template> cache = new ConcurrentHashMap<>();

	Template get(String name, Channel channel) {
		String file = name + "." + channel.code() + ".txt";
		return cache.computeIfAbsent(file, f -> {
			try {
				return new Template(f, new ClassPathResource("notifications/" + f).getContentAsString(StandardCharsets.UTF_8));
			}
			catch (IOException e) {
				throw new UncheckedIOException("no template " + f, e);
			}
		});
	}
}
