package com.returnit.inputs.internal;

import com.returnit.inputs.Times;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** States {@link Times} in the OpenAPI document, on every date and date-time in bodies and parameters. */
@Configuration(proxyBeanMethods = false)
class TimeRangeDocs {

	static final String NOTE = "Years 1 to 9999 (" + Times.RANGE + ").";

	@Bean
	OpenApiCustomizer timeRanges() {
		return openApi -> {
			Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
			if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
				openApi.getComponents().getSchemas().values().forEach(schema -> note(schema, seen));
			}
			if (openApi.getPaths() != null) {
				openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
					if (operation.getParameters() != null) {
						operation.getParameters().stream().map(Parameter::getSchema).forEach(schema -> note(schema, seen));
					}
				}));
			}
		};
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void note(@Nullable Schema schema, Set<Schema<?>> seen) {
		if (schema == null || !seen.add(schema)) {
			return;
		}
		String format = schema.getFormat();
		if ("date-time".equals(format) || "date".equals(format)) {
			String description = schema.getDescription();
			if (description == null || !description.contains(NOTE)) {
				schema.setDescription(description == null ? NOTE : description + " " + NOTE);
			}
		}
		Map<String, Schema> properties = schema.getProperties();
		if (properties != null) {
			properties.values().forEach(property -> note(property, seen));
		}
		note(schema.getItems(), seen);
		if (schema.getAllOf() != null) {
			((java.util.List<Schema>) schema.getAllOf()).forEach(part -> note(part, seen));
		}
	}
}
