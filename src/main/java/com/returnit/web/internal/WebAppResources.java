package com.returnit.web.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the built web app from {@code classpath:/static/}, compressed where the build left a {@code .br} or
 * {@code .gz} beside a file (web/compress.mjs) and the browser accepts it. Hashed files under {@code /assets/} never change, so
 * browsers keep them a year without asking; everything else (the index above all) is revalidated on every load, so a
 * new release reaches users at once. A path that is no file and not the API's is a route of the app: it gets the
 * index, and the app's router shows the page (or its own "not found").
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class WebAppResources implements WebMvcConfigurer {

	static final String ROOT = "classpath:/static/";
	/** Paths that are never the app's routes: an unknown one is a 404 problem, not the index. */
	static final List<String> NOT_ROUTES = List.of("v1/", "v3/", "actuator/", "assets/", "swagger-ui", ".well-known/",
			"error");

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(ROOT + "assets/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.resourceChain(true)
			.addResolver(new EncodedResourceResolver())
			.addResolver(new PathResourceResolver());
		registry.addResourceHandler("/**")
			.addResourceLocations(ROOT)
			.setCacheControl(CacheControl.noCache())
			.resourceChain(true)
			.addResolver(new EncodedResourceResolver())
			.addResolver(new IndexFallback());
	}

	/** A file when there is one; the index for an app route; nothing (404) for the API's paths. */
	static final class IndexFallback extends PathResourceResolver {

		@Override
		protected @Nullable Resource getResource(String path, Resource location) throws IOException {
			Resource file = super.getResource(path, location);
			if (file != null) {
				return file;
			}
			if (NOT_ROUTES.stream().anyMatch(path::startsWith) || looksLikeAFile(path)) {
				return null;
			}
			Resource index = new ClassPathResource("static/index.html");
			return index.exists() ? index : null;
		}

		/** {@code /favicon.ico} or {@code /x/y.png} that is missing stays a 404 rather than an HTML page. */
		private static boolean looksLikeAFile(String path) {
			int slash = path.lastIndexOf('/');
			return path.indexOf('.', slash + 1) > 0;
		}
	}
}
