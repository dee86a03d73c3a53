package com.returnit.inputs.internal;

import com.returnit.inputs.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.Temporal;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.ext.javatime.deser.YearMonthDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Times and dates in JSON bodies are held to {@link Times} as they are read: a value outside is a 400 naming its
 * field ("has an invalid value for timestamp"), as a value that does not parse is.
 */
@Configuration(proxyBeanMethods = false)
class TimeJson {

	@Bean
	JsonMapperBuilderCustomizer boundedTimes() {
		SimpleModule module = new SimpleModule("returnit-time-bounds");
		module.addDeserializer(Instant.class, new Bounded<>(Instant.class, InstantDeserializer.INSTANT));
		module.addDeserializer(OffsetDateTime.class,
				new Bounded<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));
		module.addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE));
		module.addDeserializer(YearMonth.class, new Bounded<>(YearMonth.class, YearMonthDeserializer.INSTANCE));
		return builder -> builder.addModule(module);
	}

	private static final class Bounded<T extends Temporal> extends StdDeserializer<T> {

		private final ValueDeserializer<T> delegate;

		Bounded(Class<T> type, ValueDeserializer<T> delegate) {
			super(type);
			this.delegate = delegate;
		}

		@Override
		public T deserialize(JsonParser parser, DeserializationContext context) {
			T value = delegate.deserialize(parser, context);
			if (value != null && !Times.within(value)) {
				throw InvalidFormatException.from(parser, "is outside the range the service takes, " + Times.RANGE,
						value.toString(), handledType());
			}
			return value;
		}
	}
}
