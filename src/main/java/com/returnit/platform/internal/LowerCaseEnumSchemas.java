package com.returnit.platform.internal;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The API writes and reads every enumeration in lower case ({@link JsonConfiguration}); the OpenAPI document says
 * so too, so that the web app's generated client offers {@code "wrong_size"}, the value the service accepts, not
 * {@code "WRONG_SIZE"}.
 */
@Component
class LowerCaseEnumSchemas implements ModelConverter {

	@Override
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		Schema schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		Class<?> raw = TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
		if (schema != null && raw != null && raw.isEnum() && schema.getEnum() != null) {
			List<Object> lower = ((List<Object>) schema.getEnum()).stream()
				.map(value -> value instanceof String text ? (Object) text.toLowerCase(Locale.ROOT) : value)
				.toList();
			schema.setEnum(lower);
		}
		return schema;
	}
}
