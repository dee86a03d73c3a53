package com.returnit.identity.internal;

import com.returnit.identity.Role;
import com.returnit.platform.AuditLog;
import com.returnit.platform.Conflict;
import com.returnit.platform.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customers sign themselves up; operators create drivers. */
@RestController
@Tag(name = "Accounts")
class SignUpController {

	static final String PHONE = "^\\+?[0-9 ()-]{6,20}$";

	record CustomerSignUp(@NotBlank @Email @Size(max = 254) String email,
			@NotBlank @Size(min = 12, max = 128) String password, @NotBlank @Size(max = 200) String name,
			@Nullable @Pattern(regexp = PHONE) String phone) {
	}

	record DriverSignUp(@NotBlank @Email @Size(max = 254) String email,
			@NotBlank @Size(min = 12, max = 128) String password, @NotBlank @Size(max = 200) String name,
			@NotNull @Valid VehicleBody vehicle) {
	}

	record VehicleBody(@NotNull Account.VehicleType type, @NotNull @Min(1) @Max(500) Integer capacityParcels) {
	}

	record AccountView(UUID id, String role, String email, String name, @Nullable String phone,
			Account.@Nullable Vehicle vehicle, Instant createdAt) {

		static AccountView of(Account account) {
			return new AccountView(account.id(), account.role().code(), account.email(), account.name(),
					account.phone(), account.vehicle(), account.createdAt());
		}
	}

	private final AccountRepository accounts;
	private final PasswordEncoder passwords;
	private final Clock clock;
	private final AuditLog audit;
	private final EmailVerifications verifications;

	SignUpController(AccountRepository accounts, PasswordEncoder passwords, Clock clock, AuditLog audit,
			EmailVerifications verifications) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
		this.audit = audit;
		this.verifications = verifications;
	}

	@PostMapping("/v1/customers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Sign up as a customer (a verification link is emailed); 409 when the email is taken, with "
			+ "claimable: true when it has returns booked but no password (POST /v1/customers/claims)", security = {})
	AccountView signUpCustomer(@Valid @RequestBody CustomerSignUp body) {
		Account account = new Account(Ids.newId(clock), Role.CUSTOMER, body.email().trim(),
				passwords.encode(body.password()), body.name().trim(), body.phone(), null, clock.instant());
		if (!accounts.insert(account)) {
			throw accounts.findByEmail(account.email()).filter(AccountClaims::claimable)
				.map(existing -> new Conflict("This email already has returns booked with ReturnIt. Claim the "
						+ "account: we can email you a link.", java.util.Map.of("claimable", true)))
				.orElseGet(() -> new Conflict("An account with this email already exists."));
		}
		verifications.send(account.id());
		return AccountView.of(account);
	}

	@PostMapping("/v1/drivers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a driver account (operators)")
	AccountView createDriver(@Valid @RequestBody DriverSignUp body) {
		var vehicle = new Account.Vehicle(body.vehicle().type(), body.vehicle().capacityParcels());
		return create(new Account(Ids.newId(clock), Role.DRIVER, body.email().trim(),
				passwords.encode(body.password()), body.name().trim(), null, vehicle, clock.instant()));
	}

	private AccountView create(Account account) {
		if (!accounts.insert(account)) {
			throw new Conflict("An account with this email already exists.");
		}
		if (account.role() != Role.CUSTOMER) {
			// an operator granting a role: the role changes the audit trail must show
			audit.record("account.role_granted", "account", account.id(), java.util.Map.of("role", account.role().code()));
		}
		return AccountView.of(account);
	}
}
