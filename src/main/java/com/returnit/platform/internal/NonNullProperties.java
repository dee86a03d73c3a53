package com.returnit.platform.internal;

import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Marks every component of a record body that is not {@code @Nullable} as required in the OpenAPI document. The
 * code is {@code @NullMarked}, so a component without {@code @Nullable} is always there; saying so lets the web app's
 * generated client type it as present rather than optional everywhere.
 */
@Component
class NonNullProperties implements ModelConverter {

	@Override
	@SuppressWarnings("rawtypes")
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		Schema schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		Class<?> raw = TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
		if (schema == null || raw == null || !raw.isRecord()) {
			return schema;
		}
		Schema model = schema.get$ref() == null ? schema : context.getDefinedModels().get(name(schema.get$ref()));
		if (model != null && model.getProperties() != null) {
			markRequired(model, raw);
		}
		return schema;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static void markRequired(Schema model, Class<?> record) {
		Map<String, Schema> properties = model.getProperties();
		for (RecordComponent component : record.getRecordComponents()) {
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class)
					|| component.isAnnotationPresent(Nullable.class);
			String name = component.getName();
			if (!nullable && properties.containsKey(name)
					&& (model.getRequired() == null || !model.getRequired().contains(name))) {
				model.addRequiredItem(name);
			}
		}
	}

	private static String name(String ref) {
		return ref.substring(ref.lastIndexOf('/') + 1);
	}
}
