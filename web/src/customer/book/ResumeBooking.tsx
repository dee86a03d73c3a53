import { useEffect, useRef, useState } from 'react';
import type { Schemas } from '../../api/types';
import { Button } from '../../ui/Button';
import { Loading, Notice } from '../../ui/States';
import { bookingAttempts, bookingFailure, useBook } from './booking';

/**
 * A booking sent before the page was reloaded, whose answer never came: it is sent again as it was (same request,
 * same Idempotency-Key), so the service either replays the booking it made or makes it now, once.
 */
export function ResumeBooking({ onBooked, onGiveUp }: { onBooked: (order: Schemas['OrderView']) => void; onGiveUp: () => void }) {
  const book = useBook();
  const [message, setMessage] = useState<string | null>(null);
  const sent = useRef(false);

  function resend() {
    const pending = bookingAttempts().pending();
    if (!pending) {
      onGiveUp();
      return;
    }
    setMessage(null);
    book.mutate(pending.request, {
      onSuccess: onBooked,
      onError: error => {
        const failure = bookingFailure(error);
        if (failure.kind === 'retry') setMessage(failure.message);
        else {
          bookingAttempts().done();
          onGiveUp();
        }
      },
    });
  }

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    resend();
  });

  if (!message) return <Loading>Finishing the booking you started…</Loading>;
  return (
    <div className="stack">
      <Notice tone="warning" testId="booking-retry">{message}</Notice>
      <div><Button onClick={resend} busy={book.isPending} data-testid="book">Try again</Button></div>
    </div>
  );
}
