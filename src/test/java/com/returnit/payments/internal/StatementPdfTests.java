package com.returnit.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.returnit.payments.internal.PaymentBodies.StatementLine;
import com.returnit.payments.internal.PaymentBodies.StatementView;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class StatementPdfTests {

	private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

	@Test
	void aLongStatementRunsOverPagesWithEveryLineOnceAndTheTotalOnTheLast() throws IOException {
		List<StatementLine> lines = IntStream.range(0, 130)
			.mapToObj(i -> new StatementLine(START.plus(Duration.ofHours(i)), i % 7 == 0 ? "late_cancellation"
					: "merchant_pickup", UUID.randomUUID(), 100L + i))
			.toList();
		long total = lines.stream().mapToLong(StatementLine::amountCents).sum();
		StatementView statement = new StatementView(UUID.randomUUID(), "Long Month Shop", "2026-11", "merchant_pays",
				"EUR", total, lines);

		try (PDDocument pdf = Loader.loadPDF(StatementPdf.render(statement))) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(3);
			List<String> text = Arrays.stream(new PDFTextStripper().getText(pdf).split("\\R")).map(String::strip)
				.toList();
			for (StatementLine line : lines) {
				assertThat(text.stream().filter(row -> row.contains(line.orderId().toString()))).singleElement()
					.satisfies(row -> assertThat(row).endsWith(" " + StatementPdf.amount(line.amountCents(), "EUR")));
			}
			assertThat(text).contains("Month: 2026-11 (November 2026, UTC)", "Total " + StatementPdf.amount(total, "EUR"),
					"Page 1 of 3", "Page 3 of 3");
			assertThat(pdf.getPage(2).getContents().readAllBytes()).isNotEmpty();
			PDFTextStripper lastPage = new PDFTextStripper();
			lastPage.setStartPage(3);
			assertThat(lastPage.getText(pdf)).contains("Total ");
		}
	}

	@Test
	void lettersTheFontLacksPrintAsQuestionMarksInsteadOfFailingTheDownload() throws IOException {
		StatementView statement = new StatementView(UUID.randomUUID(), "東京 Ωmega Ёлка Returns\u0007", "2026-02",
				"merchant_pays", "JPY", 1234, List.of(new StatementLine(START, "merchant_pickup", null, 1234)));

		try (PDDocument pdf = Loader.loadPDF(StatementPdf.render(statement))) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("Merchant: ?? Ωmega Ёлка Returns").contains("Total 1234 JPY")
				.contains("merchant_pickup - 1234 JPY");
		}
	}
}
