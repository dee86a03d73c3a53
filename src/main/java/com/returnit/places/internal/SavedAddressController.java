package com.returnit.places.internal;

import com.returnit.identity.Caller;
import com.returnit.places.SavedAddresses.SavedAddress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A customer's own saved addresses (customers only: the /v1/customers/me/** route rule). */
@RestController
@Tag(name = "Places")
class SavedAddressController {

	record AddressBody(@Nullable @Size(max = 50) String label, @NotBlank @Size(max = 500) String address,
			@NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
			@NotNull @DecimalMin("-180") @DecimalMax("180") Double lng) {
	}

	record AddressList(List<SavedAddress> data) {
	}

	private final SavedAddressBook book;

	SavedAddressController(SavedAddressBook book) {
		this.book = book;
	}

	@GetMapping("/v1/customers/me/addresses")
	@Operation(summary = "My saved addresses, newest first")
	AddressList list(@AuthenticationPrincipal Caller caller) {
		return new AddressList(book.of(caller.id()));
	}

	@PostMapping("/v1/customers/me/addresses")
	@Operation(summary = "Save an address: 201; the same address text again answers the saved one with 200; "
			+ "409 beyond 20 addresses")
	ResponseEntity<SavedAddress> save(@AuthenticationPrincipal Caller caller, @Valid @RequestBody AddressBody body) {
		SavedAddressBook.Saved saved = book.save(caller.id(), body.label(), body.address(), body.lat(), body.lng());
		return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.address());
	}

	@DeleteMapping("/v1/customers/me/addresses/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete one of my saved addresses (another's: 404)")
	void delete(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		book.delete(caller.id(), id);
	}
}
