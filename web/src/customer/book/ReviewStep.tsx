import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { Schemas } from '../../api/types';
import { Button } from '../../ui/Button';
import { dateTime, money, pickupWindow, time } from '../../ui/format';
import { ErrorState, Loading, Notice } from '../../ui/States';
import { itemsToReturn, quoteBody, type Draft } from './draft';

export type Quote = Schemas['QuoteView'];

/**
 * Step 4: what the shop's rules say about each item, the price as quoted (base, items, distance), how long the price
 * holds (the quote is asked for again when it expires) and what a late cancellation costs.
 */
export function ReviewStep({ draft, onChange, onQuote, onBack, onEditItems, children }: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  onQuote: (quote: Quote | null) => void;
  onBack: () => void;
  onEditItems: () => void;
  /** The way on: book (shop pays) or pay, given the eligible quote. */
  children: (quote: Quote) => ReactNode;
}) {
  const body = quoteBody(draft);
  const quote = useQuery({
    queryKey: ['quote', JSON.stringify(body)],
    queryFn: () => call(api.POST('/v1/quotes', { body: body! })),
    enabled: body !== null,
    staleTime: Infinity,
    gcTime: 0,
    refetchInterval: query => (query.state.data ? Math.max(1_000, Date.parse(query.state.data.expiresAt) - Date.now()) : false),
  });
  const now = useNow(15_000);
  useEffect(() => onQuote(quote.data ?? null), [quote.data, onQuote]);

  if (!body) return <Notice tone="error">Something is missing: go back and check the earlier steps.</Notice>;
  if (quote.isPending) return <Loading>Checking the shop's return rules and pricing…</Loading>;
  if (quote.error) {
    const fields = quote.error instanceof ApiError ? quote.error.problem.errors ?? [] : [];
    return (
      <div className="stack">
        <ErrorState error={quote.error} retry={() => void quote.refetch()} title="We could not price this return" />
        {fields.length > 0 && <ul>{fields.map(f => <li key={f.field}><code>{f.field}</code>: {f.message}</li>)}</ul>}
        <div><Button variant="secondary" onClick={onBack}>Back</Button></div>
      </div>
    );
  }

  const q = quote.data;
  const items = itemsToReturn(draft);
  const refused = q.items.filter(verdict => !verdict.eligible);
  const secondsLeft = Math.max(0, Math.round((Date.parse(q.expiresAt) - now) / 1000));
  const breakdown = q.breakdown;
  return (
    <div className="stack">
      <h2>Check and confirm</h2>
      <section className="card stack" aria-labelledby="review-items">
        <h3 id="review-items">{items.length} item{items.length === 1 ? '' : 's'} for {draft.merchant?.name}</h3>
        <ul className="list" data-testid="verdicts">
          {q.items.map((verdict, index) => {
            const item = items[index];
            return (
              <li key={`${verdict.sku}-${index}`} data-testid={verdict.eligible ? 'item-eligible' : 'item-refused'}>
                <div className="row row--between">
                  <strong>{item?.description ?? verdict.sku}</strong>
                  <span className={`badge ${verdict.eligible ? 'badge--good' : 'badge--bad'}`}>{verdict.eligible ? 'Can be returned' : 'Cannot be returned'}</span>
                </div>
                {verdict.reasons.map(reason => <p key={reason.rule} className="small" data-testid="refusal-reason">{reason.message}</p>)}
              </li>
            );
          })}
        </ul>
        {q.reasons.map(reason => <Notice key={reason.rule} tone="warning">{reason.message}</Notice>)}
      </section>
      <section className="card stack" aria-labelledby="review-pickup">
        <h3 id="review-pickup">Pickup</h3>
        <p>{draft.address?.address}<br />
          {draft.accessNotes?.trim() && <><span className="muted" data-testid="review-access">Access: {draft.accessNotes.trim()}</span><br /></>}{draft.window && pickupWindow(draft.window.start, draft.window.end, draft.window.timeZone)}</p>
      </section>
      <section className="card stack" aria-labelledby="review-price">
        <h3 id="review-price">Price</h3>
        <table className="price" data-testid="price">
          <tbody>
            {breakdown && <tr><th scope="row">Pickup</th><td className="money">{money(breakdown.baseCents, breakdown.currency)}</td></tr>}
            {breakdown && <tr><th scope="row">{items.length} item{items.length === 1 ? '' : 's'}</th><td className="money">{money(breakdown.itemsCents, breakdown.currency)}</td></tr>}
            {breakdown && <tr><th scope="row">Distance to the shop's hub ({breakdown.distanceKm.toFixed(1)} km)</th><td className="money">{money(breakdown.distanceCents, breakdown.currency)}</td></tr>}
            <tr><th scope="row">Total{draft.merchant?.customerPays ? '' : ' (paid by the shop)'}</th><td className="money" data-testid="total"><strong>{money(q.price.amountCents, q.price.currency)}</strong></td></tr>
          </tbody>
        </table>
        <p className="small muted" data-testid="quote-expiry" aria-live="polite">
          {secondsLeft > 0 ? `This price holds until ${time(q.expiresAt)} (${Math.ceil(secondsLeft / 60)} min).` : 'Getting a fresh price…'}
        </p>
        {q.lateCancellation.amountCents > 0 && (
          <p className="small" data-testid="late-fee">
            {Date.parse(q.lateCancellation.appliesFrom) > now
              ? <>Free cancellation until {dateTime(q.lateCancellation.appliesFrom)}; after that, cancelling costs {money(q.lateCancellation.amountCents, q.lateCancellation.currency)}.</>
              : <>The pickup is soon: cancelling it once booked costs {money(q.lateCancellation.amountCents, q.lateCancellation.currency)}.</>}
          </p>
        )}
      </section>
      {q.eligible ? children(q) : (
        <div className="stack">
          <Notice tone="error" testId="not-eligible">
            {refused.length > 0 ? `${refused.length} item${refused.length === 1 ? '' : 's'} cannot be returned under ${draft.merchant?.name}'s rules.` : 'This return cannot be booked as it is.'}
          </Notice>
          <div className="row">
            {refused.length > 0 && refused.length < q.items.length && (
              <Button onClick={() => onChange(withoutRefused(draft, q))} data-testid="drop-refused">Return only the items that can go back</Button>
            )}
            <Button variant="secondary" onClick={onEditItems}>Change the items</Button>
          </div>
        </div>
      )}
      <div><Button variant="secondary" onClick={onBack}>Back</Button></div>
    </div>
  );
}

/** The draft without the items the quote refused (matched by position: the quote answers in the request's order). */
function withoutRefused(draft: Draft, quote: Quote): Draft {
  const returned = itemsToReturn(draft);
  const refusedKeys = new Set(quote.items.flatMap((verdict, index) => (verdict.eligible ? [] : [returned[index]?.key])));
  return {
    ...draft,
    items: draft.items.flatMap(item => {
      if (!refusedKeys.has(item.key)) return [item];
      return item.fromLink ? [{ ...item, chosen: false }] : [];
    }),
  };
}

function useNow(every: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const tick = window.setInterval(() => setNow(Date.now()), every);
    return () => window.clearInterval(tick);
  }, [every]);
  return now;
}

