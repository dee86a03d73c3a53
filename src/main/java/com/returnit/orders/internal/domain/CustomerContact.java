package com.returnit.orders.internal.domain;

/**
 * Who an order is for, as the customer's account named them when it was booked: what the merchant sees in its list
 * and export. Orders of an erased customer have none.
 */
public record CustomerContact(String name, String email) {
}
