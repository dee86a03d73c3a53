package com.returnit.platform;

/** One problem with one field of a request, named by its JSON path (for example {@code items[2].sku}). */
public record FieldError(String field, String message) {
}
