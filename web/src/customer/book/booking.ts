import { useMutation } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { idempotencyKeys } from '../../api/idempotency';
import { ApiError } from '../../api/problem';
import { keys, queryClient } from '../../api/query';


/**
 * Books a quote (with a card where the customer pays). Each attempt carries an Idempotency-Key kept until it gets an
 * answer: a retry after a lost connection, even after a reload, replays the service's first answer instead of
 * booking twice. A refusal (a declined card, a full window) ends the attempt; trying again is a new one.
 */
export function useBook() {
  return useMutation({
    mutationFn: async ({ quoteId, paymentMethod }: { quoteId: string; paymentMethod?: string }) => {
      const attempts = idempotencyKeys();
      const attempt = `book:${quoteId}:${paymentMethod ?? 'merchant-pays'}`;
      try {
        const order = await call(api.POST('/v1/orders', {
          body: { quoteId, ...(paymentMethod ? { paymentMethod } : {}) },
          headers: { 'Idempotency-Key': attempts.for(attempt) },
        }));
        attempts.done(attempt);
        return order;
      } catch (error) {
        // no answer, or the same key still in flight (409 without a code): the next try must reuse the key
        const pending = error instanceof ApiError && (error.isNetwork || error.status >= 500
          || (error.status === 409 && /in progress/i.test(error.problem.detail ?? '')));
        if (!pending) attempts.done(attempt);
        throw error;
      }
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.orders() }),
  });
}

/** What a failed booking means for the customer, and where to send them. */
export function bookingFailure(error: unknown): { kind: 'declined' | 'slot-full' | 'quote-expired' | 'ineligible' | 'retry' | 'other'; message: string } {
  if (!(error instanceof ApiError)) return { kind: 'other', message: 'Something unexpected happened.' };
  const problem = error.problem;
  if (error.isNetwork || error.status >= 500) return { kind: 'retry', message: 'The connection dropped before we heard back. Trying again is safe: you will not be booked twice.' };
  if (error.status === 409 && /in progress/i.test(problem.detail ?? '')) return { kind: 'retry', message: 'Your booking is still being made. Trying again in a moment is safe.' };
  if (error.status === 402) return { kind: 'declined', message: String(problem.errors?.[0]?.message ?? problem.detail ?? 'The card was declined.') };
  if (error.status === 409 && problem.code === 'slot_full') return { kind: 'slot-full', message: 'That pickup window just filled up. Please choose another time.' };
  if (error.status === 409 && /expired/i.test(problem.detail ?? '')) return { kind: 'quote-expired', message: 'The price expired. Here is a fresh one.' };
  if (error.status === 422) return { kind: 'ineligible', message: problem.detail ?? 'The return is not eligible.' };
  return { kind: 'other', message: problem.detail ?? 'The booking was refused.' };
}
