import { describe, expect, test } from 'vitest';
import { ApiError, networkProblem, toProblem } from '../../api/problem';
import { bookingFailure } from './booking';

describe('a failed booking', () => {
  test('a declined card says the provider\'s reason', () => {
    const error = new ApiError(toProblem(402, { status: 402, code: 'card_declined', errors: [{ field: 'paymentMethod', message: 'Your card was declined.' }] }));
    expect(bookingFailure(error)).toEqual({ kind: 'declined', message: 'Your card was declined.' });
  });

  test('a full window sends the customer back to choose another time', () => {
    expect(bookingFailure(new ApiError(toProblem(409, { status: 409, code: 'slot_full', detail: 'This pickup window is full; choose another.' }))).kind).toBe('slot-full');
  });

  test('a lost answer is safe to retry', () => {
    expect(bookingFailure(new ApiError(networkProblem())).kind).toBe('retry');
  });

  test('an expired quote is priced again', () => {
    expect(bookingFailure(new ApiError(toProblem(409, { status: 409, code: 'quote_expired', detail: 'This quote expired at 2030-01-01T10:00:00Z; ask for a new one.' }))).kind).toBe('quote-expired');
  });

  test('the same key still in flight is a retry, not a refusal', () => {
    expect(bookingFailure(new ApiError(toProblem(409, { status: 409, detail: 'A request with this Idempotency-Key is still in progress; retry shortly.' }))).kind).toBe('retry');
  });

  test('a quote already booked says so rather than refusing', () => {
    expect(bookingFailure(new ApiError(toProblem(409, { status: 409, code: 'quote_used', detail: 'This quote has already been booked.' }))).kind).toBe('quote-used');
  });
});
