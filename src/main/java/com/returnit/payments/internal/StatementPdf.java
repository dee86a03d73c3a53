package com.returnit.payments.internal;

import com.returnit.payments.internal.PaymentBodies.StatementLine;
import com.returnit.payments.internal.PaymentBodies.StatementView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A merchant's statement as an A4 PDF drawn with Apache PDFBox: the merchant, the month, one row per ledger line
 * (time in UTC, kind, order, amount) over as many pages as it takes, and the total. Text is set in the Liberation
 * Sans that PDFBox ships (embedded as a subset, so that a merchant's name in most Latin, Greek or Cyrillic letters
 * prints as written); a character the font lacks prints as {@code ?} rather than failing the download.
 */
final class StatementPdf {

	private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
	private static final float MARGIN = 50;
	private static final float ROW = 14;
	private static final float TEXT = 9;
	private static final float[] COLUMNS = { MARGIN, 160, 265 };
	private static final float RIGHT = PDRectangle.A4.getWidth() - MARGIN;
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private StatementPdf() {
	}

	static byte[] render(StatementView statement) {
		try (PDDocument document = new PDDocument()) {
			PDFont font = font(document);
			describe(document, statement);
			List<List<StatementLine>> pages = pages(statement.lines());
			for (int i = 0; i < pages.size(); i++) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					Pen pen = new Pen(content, font);
					float y = i == 0 ? heading(pen, statement) : PDRectangle.A4.getHeight() - MARGIN;
					y = table(pen, statement, pages.get(i), y);
					if (i == pages.size() - 1) {
						total(pen, statement, y - ROW / 2);
					}
					pen.text("Page " + (i + 1) + " of " + pages.size(), MARGIN, MARGIN / 2, TEXT);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Formats minor units as the currency's decimal amount: 12900 EUR is "129.00 EUR". */
	static String amount(long minorUnits, String currency) {
		int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
		return BigDecimal.valueOf(minorUnits, digits).toPlainString() + " " + currency;
	}

	private static float heading(Pen pen, StatementView statement) throws IOException {
		float y = PDRectangle.A4.getHeight() - MARGIN;
		YearMonth month = YearMonth.parse(statement.month());
		pen.text("ReturnIt statement", MARGIN, y, 18);
		y -= 28;
		pen.text("Merchant: " + statement.merchantName(), MARGIN, y, 11);
		y -= ROW;
		pen.text("Merchant id: " + statement.merchantId(), MARGIN, y, TEXT);
		y -= ROW;
		pen.text("Month: " + statement.month() + " (" + month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
				+ " " + month.getYear() + ", UTC)", MARGIN, y, 11);
		y -= ROW;
		pen.text("Billing: " + statement.billing() + "    Currency: " + statement.currency() + "    Lines: "
				+ statement.lines().size(), MARGIN, y, TEXT);
		return y - 2 * ROW;
	}

	private static float table(Pen pen, StatementView statement, List<StatementLine> lines, float top)
			throws IOException {
		float y = top;
		pen.row(new String[] { "Time (UTC)", "Kind", "Order" }, "Amount", y);
		pen.rule(y - 4);
		for (StatementLine line : lines) {
			y -= ROW;
			pen.row(new String[] { TIME.format(line.occurredAt()), line.kind(),
					line.orderId() == null ? "-" : line.orderId().toString() },
					amount(line.amountCents(), statement.currency()), y);
		}
		return y;
	}

	private static void total(Pen pen, StatementView statement, float y) throws IOException {
		pen.rule(y + ROW / 2 - 2);
		pen.row(new String[] { "Total", "", "" }, amount(statement.totalCents(), statement.currency()), y - ROW / 2);
	}

	/** The first page holds fewer rows than the next, under the heading; the last keeps room for the total. */
	private static List<List<StatementLine>> pages(List<StatementLine> lines) {
		int first = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN - 110 - 3 * ROW) / ROW);
		int next = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN - 3 * ROW) / ROW);
		List<List<StatementLine>> pages = new ArrayList<>();
		int from = 0;
		do {
			int size = pages.isEmpty() ? first : next;
			pages.add(lines.subList(from, Math.min(lines.size(), from + size)));
			from += size;
		}
		while (from < lines.size());
		return pages;
	}

	private static void describe(PDDocument document, StatementView statement) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle("Statement " + statement.month() + " - " + statement.merchantName());
		info.setCreator("ReturnIt");
	}

	private static PDFont font(PDDocument document) throws IOException {
		try (InputStream ttf = StatementPdf.class.getResourceAsStream(FONT)) {
			if (ttf != null) {
				return PDType0Font.load(document, ttf, true);
			}
		}
		return new PDType1Font(Standard14Fonts.FontName.HELVETICA);
	}

	/** Writes text on one page, replacing what the font cannot show. */
	private record Pen(PDPageContentStream content, PDFont font) {

		void row(String[] cells, String amount, float y) throws IOException {
			for (int i = 0; i < cells.length; i++) {
				float width = (i + 1 < COLUMNS.length ? COLUMNS[i + 1] : RIGHT - 90) - COLUMNS[i] - 6;
				text(fit(cells[i], width), COLUMNS[i], y, TEXT);
			}
			String shown = printable(amount);
			text(shown, RIGHT - font.getStringWidth(shown) / 1000 * TEXT, y, TEXT);
		}

		void text(String text, float x, float y, float size) throws IOException {
			content.beginText();
			content.setFont(font, size);
			content.newLineAtOffset(x, y);
			content.showText(printable(text));
			content.endText();
		}

		void rule(float y) throws IOException {
			content.setLineWidth(0.5f);
			content.moveTo(MARGIN, y);
			content.lineTo(RIGHT, y);
			content.stroke();
		}

		private String fit(String text, float width) throws IOException {
			String shown = printable(text);
			while (shown.length() > 1 && font.getStringWidth(shown) / 1000 * TEXT > width) {
				shown = shown.substring(0, shown.length() - 2) + "…";
			}
			return shown;
		}

		private String printable(String text) {
			StringBuilder out = new StringBuilder();
			text.codePoints().forEach(cp -> {
				String one = Character.isISOControl(cp) ? " " : Character.toString(cp);
				out.append(encodable(one) ? one : "?");
			});
			return out.toString();
		}

		private boolean encodable(String one) {
			try {
				font.encode(one);
				return true;
			}
			catch (IOException | IllegalArgumentException e) {
				return false;
			}
		}
	}
}
