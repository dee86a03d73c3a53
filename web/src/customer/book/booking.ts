import { useMutation } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { attempts } from '../../api/idempotency';
import { ApiError } from '../../api/problem';
import { keys, queryClient } from '../../api/query';

export interface BookingRequest {
  quoteId: string;
  paymentMethod?: string;
}

/** The booking attempt of this tab (sessionStorage): survives a reload until the service answers it for good. */
export const bookingAttempts = () => attempts<BookingRequest>('booking');

/**
 * Books a quote (with a card where the customer pays). A retry of the same quote re-sends the pending attempt exactly
 * (same card, same Idempotency-Key), so a booking whose answer was lost is never made twice; a final answer, success
 * or refusal, ends the attempt.
 */
export function useBook() {
  return useMutation({
    mutationFn: async (request: BookingRequest) => {
      const store = bookingAttempts();
      const attempt = store.start(request, pending => pending.quoteId === request.quoteId);
      try {
        const order = await call(api.POST('/v1/orders', {
          body: { quoteId: attempt.request.quoteId, ...(attempt.request.paymentMethod ? { paymentMethod: attempt.request.paymentMethod } : {}) },
          headers: { 'Idempotency-Key': attempt.key },
        }));
        store.done();
        return order;
      } catch (error) {
        if (!answerMayBeLost(error)) store.done();
        throw error;
      }
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.orders() }),
  });
}

/** No answer, a server error, or the same key still in flight: the booking may have happened; retry, don't restart. */
export function answerMayBeLost(error: unknown): boolean {
  return error instanceof ApiError
    && (error.isNetwork || error.status >= 500 || (error.status === 409 && /in progress/i.test(error.problem.detail ?? '')));
}

export type BookingFailure = { kind: 'declined' | 'slot-full' | 'quote-expired' | 'quote-used' | 'ineligible' | 'retry' | 'other'; message: string };

/** What a failed booking means for the customer, and where to send them. */
export function bookingFailure(error: unknown): BookingFailure {
  if (!(error instanceof ApiError)) return { kind: 'other', message: 'Something unexpected happened.' };
  const problem = error.problem;
  if (answerMayBeLost(error)) return { kind: 'retry', message: 'The connection dropped before we heard back. Trying again is safe: you will not be booked twice.' };
  if (error.status === 402) return { kind: 'declined', message: String(problem.errors?.[0]?.message ?? problem.detail ?? 'The card was declined.') };
  if (error.status === 409 && problem.code === 'slot_full') return { kind: 'slot-full', message: 'That pickup window just filled up. Please choose another time.' };
  if (error.status === 409 && problem.code === 'quote_expired') return { kind: 'quote-expired', message: 'The price expired. Here is a fresh one.' };
  if (error.status === 409 && problem.code === 'quote_used') return { kind: 'quote-used', message: 'This return is already booked.' };
  if (error.status === 422) return { kind: 'ineligible', message: problem.detail ?? 'The return is not eligible.' };
  return { kind: 'other', message: problem.detail ?? 'The booking was refused.' };
}
