package com.returnit.merchants.internal;

import com.returnit.identity.Caller;
import com.returnit.identity.MemberRole;
import com.returnit.identity.MerchantMembers;
import com.returnit.merchants.Merchant;
import com.returnit.platform.Forbidden;
import com.returnit.platform.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A merchant's staff (ADR 0044), managed by the merchant's admins and by operators (who invite the first admin).
 * The merchant's API key and support members may not manage them (403); another merchant's are 404.
 */
@RestController
@RequestMapping("/v1/merchants/{id}")
@Tag(name = "Merchant members")
class MemberController {

	record InvitationBody(@NotBlank @Email @Size(max = 254) String email,
			@NotBlank @Schema(allowableValues = { "admin", "support" }) String role) {
	}

	record RoleBody(@NotBlank @Schema(allowableValues = { "admin", "support" }) String role) {
	}

	record InvitationView(UUID id, String email, String role, Instant expiresAt, Instant createdAt) {

		static InvitationView of(MerchantMembers.Invitation invitation) {
			return new InvitationView(invitation.id(), invitation.email(), invitation.role().code(),
					invitation.expiresAt(), invitation.createdAt());
		}
	}

	record MemberView(UUID id, String email, String name, String role, boolean totpEnabled, Instant createdAt) {

		static MemberView of(MerchantMembers.Member member) {
			return new MemberView(member.id(), member.email(), member.name(), member.role().code(), member.totpEnabled(),
					member.createdAt());
		}
	}

	record MemberList(List<MemberView> data) {
	}

	record InvitationList(List<InvitationView> data) {
	}

	private final MerchantService merchants;
	private final MerchantMembers members;

	MemberController(MerchantService merchants, MerchantMembers members) {
		this.merchants = merchants;
		this.members = members;
	}

	@PostMapping("/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Invite someone to the merchant's staff as admin or support (an operator, or an admin of the "
			+ "merchant): a single-use link valid 72 h goes out by email; 409 email_taken when the email has an account")
	InvitationView invite(@AuthenticationPrincipal Caller caller, @PathVariable UUID id,
			@Valid @RequestBody InvitationBody body) {
		Merchant merchant = manageable(caller, id);
		return InvitationView.of(members.invite(id, merchant.name(), body.email(), role(body.role())));
	}

	@GetMapping("/invitations")
	@Operation(summary = "The merchant's pending invitations, newest first")
	InvitationList invitations(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		manageable(caller, id);
		return new InvitationList(members.pendingInvitations(id).stream().map(InvitationView::of).toList());
	}

	@DeleteMapping("/invitations/{invitationId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Withdraw a pending invitation: its link stops working (410)")
	void cancel(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID invitationId) {
		manageable(caller, id);
		members.cancelInvitation(id, invitationId);
	}

	@GetMapping("/members")
	@Operation(summary = "The merchant's members, oldest first")
	MemberList members(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
		manageable(caller, id);
		return new MemberList(members.members(id).stream().map(MemberView::of).toList());
	}

	@PatchMapping("/members/{memberId}")
	@Operation(summary = "Change a member's role; 409 last_admin when it would leave the merchant without an admin. "
			+ "Takes effect on the member's next request")
	MemberView changeRole(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID memberId,
			@Valid @RequestBody RoleBody body) {
		manageable(caller, id);
		return MemberView.of(members.changeRole(id, memberId, role(body.role())));
	}

	@DeleteMapping("/members/{memberId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a member: their tokens stop working at once; 409 last_admin for the last admin")
	void remove(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, @PathVariable UUID memberId) {
		manageable(caller, id);
		members.remove(id, memberId);
	}

	/** 404 for another merchant; 403 for the merchant's API key (support members are refused before). */
	private Merchant manageable(Caller caller, UUID id) {
		Merchant merchant = merchants.visible(caller, id);
		if (!caller.isOperator() && !caller.isMemberAdminOf(id)) {
			throw new Forbidden("Members are managed by the merchant's admins (log in as one) or by an operator.");
		}
		return merchant;
	}

	private static MemberRole role(String code) {
		return MemberRole.of(code).orElseThrow(() -> InvalidInput.unprocessable("role", "must be admin or support"));
	}
}
