import { useEffect, useId, useState } from 'react';
import { ApiError, describe } from '../../api/problem';
import { Button } from '../../ui/Button';
import { Notice } from '../../ui/States';
import { money, pickupWindow } from '../../ui/format';
import { useAnswerOffer, type Offer } from '../data';
import { closeNotifications } from '../pwa/push';
import { announceOffer } from './announce';
import { area } from './area';

/**
 * A new offer over the whole screen: where (the area, not the door: that comes with the job), when, how much, how
 * far, and the seconds left to answer; a vibration and a short sound when it appears. Accept and Decline are the two
 * largest targets on the screen; the countdown is announced once, not every second.
 */
export function OfferCard({ offer }: { offer: Offer }) {
  const titleId = useId();
  const answer = useAnswerOffer();
  const left = useSecondsLeft(offer.expiresAt);
  useEffect(announceOffer, []);
  // the offer is on screen: its notification (pushed while the app was in the background) is not needed any more
  useEffect(() => closeNotifications(`offer-${offer.id}`), [offer.id]);
  const expired = left <= 0;
  const gone = answer.error instanceof ApiError && answer.error.status === 409;
  const fraction = Math.max(0, Math.min(1, left / OFFER_SECONDS));

  return (
    <div className="offer" role="alertdialog" aria-modal="true" aria-labelledby={titleId} data-testid="offer">
      <h2 id={titleId}>New pickup</h2>
      <div className="offer__timer" aria-hidden="true" data-testid="offer-countdown">{Math.max(0, left)} s</div>
      <div className="offer__bar" aria-hidden="true"><span style={{ width: `${fraction * 100}%` }} /></div>
      <p className="visually-hidden" aria-live="polite">{expired ? 'The offer expired.' : 'You have 30 seconds to answer.'}</p>
      <dl className="driver-facts">
        <dt>Area</dt><dd data-testid="offer-area">{area(offer.pickup?.address)}</dd>
        {offer.pickup && <><dt>Window</dt><dd data-testid="offer-window">{pickupWindow(offer.pickup.windowStart, offer.pickup.windowEnd)}</dd></>}
        <dt>Items</dt><dd data-testid="offer-items">{offer.items.length} {offer.items.length === 1 ? 'item' : 'items'}</dd>
        <dt>Distance</dt><dd data-testid="offer-distance">{offer.distanceKm.toFixed(1)} km away</dd>
        {offer.earnings && <><dt>You earn</dt><dd data-testid="offer-earnings">{money(offer.earnings.amountCents, offer.earnings.currency)}</dd></>}
      </dl>
      {(gone || expired) && <Notice tone="warning" testId="offer-gone">This offer is no longer open: it expired or went to another driver.</Notice>}
      {answer.isError && !gone && <Notice tone="error">{describe(answer.error)}</Notice>}
      <div className="offer__actions">
        <Button autoFocus className="button--accept" block busy={answer.isPending && answer.variables?.accept === true} disabled={expired || gone}
          onClick={() => answer.mutate({ offer, accept: true })} data-testid="accept-offer">Accept</Button>
        <Button variant="secondary" block busy={answer.isPending && answer.variables?.accept === false} disabled={expired || gone}
          onClick={() => answer.mutate({ offer, accept: false })} data-testid="decline-offer">Decline</Button>
      </div>
    </div>
  );
}

const OFFER_SECONDS = 30;

function useSecondsLeft(expiresAt: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  return Math.ceil((Date.parse(expiresAt) - now) / 1000);
}
