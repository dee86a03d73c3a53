import { useCallback, useState } from 'react';
import { useWebConfig } from '../../api/config';
import type { Schemas } from '../../api/types';
import { Button } from '../../ui/Button';
import { money } from '../../ui/format';
import { Notice } from '../../ui/States';
import { bookingAttempts, bookingFailure, useBook } from './booking';
import { StripeCard } from './StripeCard';

const TEST_CARDS = [
  ['tok_visa', 'Visa, succeeds'],
  ['tok_mastercard', 'Mastercard, succeeds'],
  ['tok_chargeDeclined', 'A card that is declined'],
  ['tok_insufficientFunds', 'A card without enough funds'],
] as const;

/**
 * The last step: book, paying by card where the shop's customers pay. With the sandbox provider the customer picks a
 * test card (the same flow as a real card: the provider declines some); with Stripe, Stripe Elements takes the card.
 * A decline shows the provider's reason and keeps everything else, so the customer just tries another card.
 */
export function BookAction({ quote, customerPays, onBooked, onSlotFull, onQuoteExpired, onAlreadyBooked }: {
  quote: Schemas['QuoteView'];
  customerPays: boolean;
  onBooked: (order: Schemas['OrderView']) => void;
  onSlotFull: () => void;
  onQuoteExpired: () => void;
  onAlreadyBooked: () => void;
}) {
  const config = useWebConfig();
  const book = useBook();
  const [card, setCard] = useState<string>('tok_visa');
  const [stripeMethod, setStripeMethod] = useState<(() => Promise<string>) | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'warning'; text: string; retry?: boolean } | null>(null);
  const provider = config.data?.payments.provider;
  const stripe = provider === 'stripe' ? config.data?.payments.stripePublishableKey ?? null : null;
  const cardsUnavailable = customerPays && provider === 'stripe' && !stripe;
  const onStripeReady = useCallback((create: () => Promise<string>) => setStripeMethod(() => create), []);

  async function submit() {
    setMessage(null);
    // an attempt of this quote whose answer was lost is sent again as it was (same card, same key), never remade
    const pending = bookingAttempts().pending();
    let paymentMethod: string | undefined = pending?.request.quoteId === quote.quoteId ? pending.request.paymentMethod : undefined;
    if (!pending || pending.request.quoteId !== quote.quoteId) {
      try {
        paymentMethod = customerPays ? (stripe ? await stripeMethod!() : card) : undefined;
      } catch (failure) {
        setMessage({ tone: 'error', text: failure instanceof Error ? failure.message : 'The card details are incomplete.' });
        return;
      }
    }
    book.mutate({ quoteId: quote.quoteId, ...(paymentMethod ? { paymentMethod } : {}) }, {
      onSuccess: onBooked,
      onError: error => {
        const failure = bookingFailure(error);
        if (failure.kind === 'slot-full') onSlotFull();
        else if (failure.kind === 'quote-expired') onQuoteExpired();
        else if (failure.kind === 'quote-used') onAlreadyBooked();
        else setMessage({ tone: failure.kind === 'declined' ? 'error' : 'warning', text: failure.message, retry: failure.kind === 'retry' });
      },
    });
  }

  const total = money(quote.price.amountCents, quote.price.currency);
  return (
    <section className="card stack" aria-labelledby="pay-title">
      <h3 id="pay-title">{customerPays ? 'Payment' : 'Book'}</h3>
      {customerPays && stripe && <StripeCard publishableKey={stripe} onReady={onStripeReady} />}
      {cardsUnavailable && <Notice tone="error">Card payments are not set up on this service yet (no Stripe publishable key). Please try again later.</Notice>}
      {customerPays && !stripe && !cardsUnavailable && (
        <fieldset>
          <legend>Test card <span className="small muted">(sandbox payments: no real card is charged)</span></legend>
          <div className="choices">
            {TEST_CARDS.map(([token, label]) => (
              <label key={token} className="choice">
                <input type="radio" name="card" value={token} checked={card === token} onChange={() => setCard(token)} />
                <span>{label}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {!customerPays && <p>The shop pays for this pickup: nothing to pay.</p>}
      {message && (
        <Notice tone={message.tone} testId={message.tone === 'error' ? 'payment-declined' : 'booking-retry'}>
          {message.tone === 'error' && customerPays ? <><strong>Payment declined.</strong> {message.text} Choose another card and try again.</> : message.text}
        </Notice>
      )}
      <Button onClick={submit} busy={book.isPending} disabled={cardsUnavailable || (customerPays && !!stripe && !stripeMethod)} data-testid="book">
        {message?.retry ? 'Try again' : customerPays ? `Pay ${total} and book` : 'Book the pickup'}
      </Button>
    </section>
  );
}
