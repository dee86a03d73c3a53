package com.returnit.privacy.internal;

import java.util.List;

/**
 * What DELETE /v1/customers/me does, stated by the service so that the account page never guesses. It must stay
 * true to what erasure does: the identity module's AccountErasure (name, email, phone, password, two-factor, login
 * sessions) and each module's listener of CustomerErased (orders: pickup addresses to about 10 km, typed reasons and
 * notes; places: saved addresses; notifications: preferences and messages). ErasureTermsTests erases an account and
 * checks every line against the rows.
 * @param allowed false while an order is open (scheduled, assigned, en route or picked up)
 * @param blockingOrders how many orders are open
 */
record ErasureTerms(boolean allowed, int blockingOrders, List<String> erased, List<Kept> kept) {

	/** Something that stays, and why. */
	record Kept(String what, String why) {
	}

	static final List<String> ERASED = List.of("name", "email", "phone", "password and two-factor authentication",
			"saved addresses", "notification preferences", "pickup addresses (only the area, about 10 km, is kept)",
			"reasons and notes you wrote (cancellations, returned items)", "the emails and text messages we sent you");

	static final List<Kept> KEPT = List.of(
			new Kept("orders and payments (without your name and contact)", "tax and accounting law: 10 years"),
			new Kept("what was returned, to which merchant, and the area of each pickup",
					"the merchant's records of its returns and refunds"),
			new Kept("the security log of your account: sign-ins with their IP address (failed ones with the email typed), "
					+ "your data export and this erasure", "security audit trail: append-only, it cannot be changed"),
			new Kept("what merchants were sent about your orders (status changes, item checks, the reasons you gave)",
					"it is the merchant's copy; ask the merchant to erase theirs"),
			new Kept("short-lived technical copies: answers kept to replay a repeated request, events being processed",
					"deleted by themselves within 7 days (replayed answers after 48 hours)"));

	static ErasureTerms forOpenOrders(int openOrders) {
		return new ErasureTerms(openOrders == 0, openOrders, ERASED, KEPT);
	}
}
