package com.returnit.inputs.internal;

import com.returnit.inputs.Times;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Times and dates in query parameters and paths are read as before (ISO-8601) and then held to {@link Times}: a
 * value outside is a 400 naming the parameter, like any value that does not parse. Registered after Spring's own
 * formatters, so these are the ones used.
 */
@Configuration(proxyBeanMethods = false)
class TimeFormatters implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		InstantFormatter instants = new InstantFormatter();
		registry.addFormatterForFieldType(Instant.class, new Bounded<>(text -> instants.parse(text, Locale.ROOT)));
		registry.addFormatterForFieldType(LocalDate.class, new Bounded<>(LocalDate::parse));
		registry.addFormatterForFieldType(OffsetDateTime.class, new Bounded<>(OffsetDateTime::parse));
		registry.addFormatterForFieldType(YearMonth.class, new Bounded<>(YearMonth::parse));
	}

	private interface Parser<T> {
		T parse(String text) throws ParseException;
	}

	private record Bounded<T extends java.time.temporal.Temporal>(Parser<T> parser) implements Formatter<T> {

		@Override
		public T parse(String text, Locale locale) throws ParseException {
			return Times.checked(parser.parse(text.strip()));
		}

		@Override
		public String print(T value, Locale locale) {
			return value.toString();
		}
	}
}
