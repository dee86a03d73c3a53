package com.returnit.webhooks.internal;

import com.returnit.webhooks.internal.domain.AddressPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * The only way webhooks leave the process. Names are resolved by a resolver that refuses loopback, private,
 * link-local and metadata addresses (except for the explicitly allowed hosts), and the connection is made to the
 * addresses it checked, so a name cannot be re-pointed between the check and the connect. No redirects are followed.
 */
final class GuardedHttp implements AutoCloseable {

	/** A host resolved to an address that webhooks may not reach. */
	static final class RefusedAddress extends UnknownHostException {

		RefusedAddress(String host, InetAddress address, String reason) {
			super(host + " resolves to " + address.getHostAddress() + ", a " + reason);
		}
	}

	/** {@code body}: the first {@link #KEPT_BODY_BYTES} of the answer as text (NULs dropped), null when empty. */
	record Response(int status, @Nullable String retryAfter, @Nullable String body) {
	}

	/** How much of an answer is kept for the delivery log. */
	static final int KEPT_BODY_BYTES = 4096;

	private final CloseableHttpClient client;

	GuardedHttp(WebhookProperties properties) {
		PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDnsResolver(new CheckingResolver(properties.allowedHostSet()))
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(Timeout.of(properties.connectTimeout()))
				.setSocketTimeout(Timeout.of(properties.timeout()))
				.build())
			.setMaxConnTotal(properties.maxConcurrency())
			.setMaxConnPerRoute(properties.maxConcurrency())
			.build();
		this.client = HttpClients.custom()
			.setConnectionManager(connections)
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.of(properties.timeout()))
				.setConnectionRequestTimeout(Timeout.of(properties.timeout()))
				.setRedirectsEnabled(false)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.evictIdleConnections(TimeValue.ofSeconds(30))
			.setUserAgent("ReturnIt-Webhooks/1.0")
			.build();
	}

	Response post(String url, Map<String, String> headers, String body) throws IOException {
		HttpPost post = new HttpPost(url);
		headers.forEach(post::setHeader);
		post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
		return client.execute(post, response -> {
			Header retryAfter = response.getFirstHeader("Retry-After");
			return new Response(response.getCode(), retryAfter == null ? null : retryAfter.getValue(),
					head(response.getEntity()));
		});
	}

	/** The first 4 KiB of an answer; the rest is not read (the connection is then closed rather than reused). */
	private static @Nullable String head(@Nullable HttpEntity entity) throws IOException {
		if (entity == null) {
			return null;
		}
		try (InputStream in = entity.getContent()) {
			byte[] head = in.readNBytes(KEPT_BODY_BYTES);
			if (head.length == 0) {
				return null;
			}
			return new String(head, StandardCharsets.UTF_8).replace("\u0000", "");
		}
	}

	/** Resolves an endpoint's host as a delivery would, throwing {@link RefusedAddress} for a forbidden address. */
	static InetAddress[] resolve(String host, Set<String> allowedHosts) throws UnknownHostException {
		return new CheckingResolver(allowedHosts).resolve(host);
	}

	@Override
	public void close() throws IOException {
		client.close();
	}

	private record CheckingResolver(Set<String> allowedHosts) implements DnsResolver {

		@Override
		public InetAddress[] resolve(String host) throws UnknownHostException {
			InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
			if (allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
				return addresses;
			}
			for (InetAddress address : addresses) {
				var refused = AddressPolicy.whyRefused(address);
				if (refused.isPresent()) {
					throw new RefusedAddress(host, address, refused.get());
				}
			}
			return addresses;
		}

		@Override
		public String resolveCanonicalHostname(String host) throws UnknownHostException {
			return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
		}
	}
}
