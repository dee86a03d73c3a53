import { dateTime } from '../../ui/format';
import { ErrorState, Loading } from '../../ui/States';
import { useOrderEvents } from '../data';

const WORDS: Record<string, string> = {
  scheduled: 'Booked',
  assigned: 'A driver took the pickup',
  en_route: 'Driver on the way',
  picked_up: 'Picked up at your door',
  delivered: 'Delivered to the shop',
  cancelled: 'Cancelled',
  failed: 'The pickup could not be completed',
};

/** What happened to the order, oldest first. */
export function Timeline({ orderId }: { orderId: string }) {
  const events = useOrderEvents(orderId);
  return (
    <section className="card stack" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      {events.isPending && <Loading />}
      {events.error && <ErrorState error={events.error} retry={() => void events.refetch()} />}
      {events.data && (
        <ol className="timeline" data-testid="timeline">
          {events.data.data.map(entry => (
            <li key={entry.sequence}>
              <strong>{WORDS[entry.type.replace(/^order\./, '')] ?? entry.type}</strong>
              <div className="small muted">{dateTime(entry.occurredAt)}{entry.detail ? ` · ${entry.detail}` : ''}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
