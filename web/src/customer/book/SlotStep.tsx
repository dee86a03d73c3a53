import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { anonymous, call } from '../../api/client';
import { ApiError, describe } from '../../api/problem';
import { keys } from '../../api/query';
import { Button } from '../../ui/Button';
import { time } from '../../ui/format';
import { ErrorState, Loading, Notice } from '../../ui/States';
import type { Draft } from './draft';
import { byDay, seatsLeft } from './slots';

/** Step 3: a pickup window with seats left, from the service area's schedule. */
export function SlotStep({ draft, onChange, onNext, onBack, notice }: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  onNext: () => void;
  onBack: () => void;
  /** Why the customer is back here (a window filled up meanwhile). */
  notice?: string;
}) {
  const merchantId = draft.merchant?.id ?? '';
  const { lat = 0, lng = 0 } = draft.address ?? {};
  const params = { merchantId, lat: String(lat), lng: String(lng) };
  const slots = useQuery({
    queryKey: keys.slots(JSON.stringify(params)),
    queryFn: () => call(anonymous.GET('/v1/slots', { params: { query: params } })),
    staleTime: 15_000,
    refetchInterval: 30_000,
  });
  const [chosen, setChosen] = useState(draft.window?.start ?? '');
  const [error, setError] = useState('');

  if (slots.isPending) return <Loading>Finding pickup times…</Loading>;
  if (slots.error instanceof ApiError && slots.error.status === 422) {
    return (
      <div className="stack">
        <Notice tone="warning" testId="outside-area">We don't collect at this address yet. {describe(slots.error)}</Notice>
        <div><Button variant="secondary" onClick={onBack}>Choose another address</Button></div>
      </div>
    );
  }
  if (slots.error) return <ErrorState error={slots.error} retry={() => void slots.refetch()} />;

  const zone = slots.data.area.timeZone;
  const days = byDay(slots.data.data, zone);
  function next() {
    const slot = slots.data?.data.find(s => s.start === chosen);
    if (!slot) {
      setError('Choose a time for the pickup.');
      return;
    }
    onChange({ ...draft, window: { start: slot.start, end: slot.end, timeZone: zone } });
    onNext();
  }

  return (
    <div className="stack">
      <h2>When are you home?</h2>
      <p className="muted small">Times in {zone.replace('_', ' ')}. The driver comes at some point in the window you choose.</p>
      {notice && <Notice tone="warning" testId="slot-notice">{notice}</Notice>}
      {days.length === 0 && <Notice tone="info">No pickup times in the next days. Please try again tomorrow.</Notice>}
      {days.map(day => (
        <fieldset key={day.day}>
          <legend>{day.day}</legend>
          <div className="slots">
            {day.slots.map(slot => {
              const full = slot.remaining != null && slot.remaining <= 0;
              return (
                <label key={slot.start} className="choice slot" data-testid={full ? 'slot-full' : 'slot'} aria-disabled={full}>
                  <input type="radio" name="slot" value={slot.start} disabled={full} checked={chosen === slot.start}
                    onChange={() => { setChosen(slot.start); setError(''); }} />
                  <span>{time(slot.start, zone)}–{time(slot.end, zone)}</span>
                  <span className={`small ${full ? '' : 'muted'}`}>{seatsLeft(slot)}</span>
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      {error && <Notice tone="error">{error}</Notice>}
      <div className="row">
        <Button variant="secondary" onClick={onBack}>Back</Button>
        <Button onClick={next} data-testid="next">Review and price</Button>
      </div>
    </div>
  );
}
