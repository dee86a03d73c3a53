import type { UseQueryResult } from '@tanstack/react-query';
import type { Schemas } from '../api/types';
import { dateTime } from './format';
import { ErrorState, Loading } from './States';

/**
 * What happened to an order, oldest first, as a card: each face passes its own query of the order's events (their
 * cache keys differ) and its own words for a status.
 */
export function OrderTimeline({ events, label }: {
  events: UseQueryResult<Schemas['Timeline']>;
  /** The words for an event's type (`order.scheduled`, …). */
  label: (type: string) => string;
}) {
  return (
    <section className="card stack" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {events.isPending && <Loading />}
      {events.error && <ErrorState error={events.error} retry={() => void events.refetch()} />}
      {events.data && (
        <ol className="timeline" data-testid="timeline">
          {events.data.data.map(entry => (
            <li key={entry.sequence}>
              <strong>{label(entry.type)}</strong>
              <div className="small muted">{dateTime(entry.occurredAt)}{entry.detail ? ` · ${entry.detail}` : ''}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
