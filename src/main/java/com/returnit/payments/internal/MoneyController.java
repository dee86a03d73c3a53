package com.returnit.payments.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.Role;
import com.returnit.inputs.Times;
import com.returnit.merchants.Merchant;
import com.returnit.merchants.Merchants;
import com.returnit.payments.internal.PaymentBodies.EarningView;
import com.returnit.payments.internal.PaymentBodies.EarningsView;
import com.returnit.payments.internal.PaymentBodies.PayoutRunBody;
import com.returnit.payments.internal.PaymentBodies.PayoutRunView;
import com.returnit.payments.internal.PaymentBodies.StatementLine;
import com.returnit.payments.internal.PaymentBodies.StatementView;
import com.returnit.payments.internal.domain.Account;
import com.returnit.platform.Forbidden;
import com.returnit.platform.InvalidInput;
import com.returnit.platform.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read models over the ledger (driver earnings, merchant statements) and the operator's payout run. */
@RestController
@Tag(name = "Payments")
class MoneyController {

	private final Ledger ledger;
	private final Merchants merchants;
	private final Payouts payouts;
	private final PaymentsProperties properties;

	MoneyController(Ledger ledger, Merchants merchants, Payouts payouts, PaymentsProperties properties) {
		this.ledger = ledger;
		this.merchants = merchants;
		this.payouts = payouts;
		this.properties = properties;
	}

	@GetMapping("/v1/drivers/me/earnings")
	@Transactional(readOnly = true)
	@Operation(summary = "The driver's earnings per completed pickup between two dates (inclusive, UTC)")
	EarningsView earnings(@AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
		if (caller.role() != Role.DRIVER) {
			throw new Forbidden("Only drivers have earnings.");
		}
		LocalDate end = to == null ? LocalDate.now(ZoneOffset.UTC) : to;
		LocalDate start = from == null ? end.minusDays(6) : from;
		if (start.isAfter(end)) {
			throw InvalidInput.badRequest("from", "must not be after to");
		}
		Account payable = Account.driverPayable(caller.id());
		String currency = properties.earnings().currency();
		List<EarningView> pickups = ledger.movements(payable, start.atStartOfDay(ZoneOffset.UTC).toInstant(),
				end.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).stream()
			.filter(m -> "driver_earning".equals(m.kind()) && m.orderId() != null)
			.map(m -> new EarningView(m.orderId(), -m.amountCents(), m.occurredAt()))
			.toList();
		return new EarningsView(caller.id(), start.toString(), end.toString(), currency,
				pickups.stream().mapToLong(EarningView::amountCents).sum(), -ledger.balance(payable, currency), pickups);
	}

	@PostMapping("/v1/payouts/runs")
	@Operation(summary = "Pay every driver's payable balance for a period (operators); running it again pays nothing twice")
	PayoutRunView runPayouts(@AuthenticationPrincipal Caller caller,
			@Valid @RequestBody(required = false) @Nullable PayoutRunBody body) {
		if (!caller.isOperator()) {
			throw new Forbidden("Only operators run payouts.");
		}
		return payouts.run(body == null ? null : body.period());
	}

	@GetMapping(value = "/v1/merchants/{id}/statements/{month}", produces = "application/json")
	@Transactional(readOnly = true)
	@Operation(summary = "The merchant's statement for a month (yyyy-mm): pickups and late cancellations it owes")
	StatementView statement(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable String month) {
		Merchant merchant = merchants.find(id).filter(m -> caller.canManageMerchant(id))
			.orElseThrow(() -> new NotFound("Merchant"));
		YearMonth period = parse(month);
		List<StatementLine> lines = ledger.movements(Account.merchantReceivable(id),
				period.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
				period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()).stream()
			.map(m -> new StatementLine(m.occurredAt(), m.kind(), m.orderId(), m.amountCents()))
			.toList();
		return new StatementView(id, merchant.name(), period.toString(), merchant.billing().code(),
				properties.earnings().currency(), lines.stream().mapToLong(StatementLine::amountCents).sum(), lines);
	}

	@GetMapping(value = "/v1/merchants/{id}/statements/{month}", produces = "text/csv")
	@Transactional(readOnly = true)
	@Operation(summary = "The same statement as CSV")
	String statementCsv(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable String month) {
		StatementView statement = statement(caller, id, month);
		StringBuilder csv = new StringBuilder("occurred_at,kind,order_id,amount_cents,currency\n");
		statement.lines().forEach(line -> csv.append(line.occurredAt()).append(',').append(line.kind()).append(',')
			.append(line.orderId() == null ? "" : line.orderId()).append(',').append(line.amountCents()).append(',')
			.append(statement.currency()).append('\n'));
		csv.append(",total,,").append(statement.totalCents()).append(',').append(statement.currency()).append('\n');
		return csv.toString();
	}

	@GetMapping(value = "/v1/merchants/{id}/statements/{month}", produces = MediaType.APPLICATION_PDF_VALUE)
	@Transactional(readOnly = true)
	@Operation(summary = "The same statement as a PDF to download: the merchant, the month, every line and the total")
	ResponseEntity<byte[]> statementPdf(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@PathVariable String month) {
		StatementView statement = statement(caller, id, month);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("statement-" + statement.month() + ".pdf").build()
						.toString())
			.body(StatementPdf.render(statement));
	}

	private static YearMonth parse(String month) {
		try {
			YearMonth parsed = YearMonth.parse(month);
			if (Times.within(parsed)) {
				return parsed;
			}
		}
		catch (DateTimeParseException e) {
			// refused below, as a month out of range is
		}
		throw InvalidInput.badRequest("month", "must be a month as yyyy-mm between 0001-01 and 9999-12, e.g. 2026-01");
	}
}
