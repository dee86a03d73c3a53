import type { Schemas } from '../../api/types';

const OUTCOME: Record<string, [string, string]> = {
  collected: ['Picked up', 'badge--good'],
  refused: ['Refused at the door', 'badge--bad'],
  pending: ['To be picked up', ''],
};

/** The items, and after the pickup what the driver did with each (collected, or refused and why). */
export function ItemOutcomes({ order }: { order: Schemas['OrderView'] }) {
  return (
    <section className="card stack" aria-labelledby="items-title">
      <h2 id="items-title">Items</h2>
      <ul className="list" data-testid="items">
        {order.itemOutcomes.map(item => {
          const [label, tone] = OUTCOME[item.outcome] ?? [item.outcome, ''];
          return (
            <li key={item.sku} data-testid={`item-${item.outcome}`}>
              <div className="row row--between"><span>{item.description}</span><span className={`badge ${tone}`}>{label}</span></div>
              {item.outcome !== 'pending' && (item.condition || item.note) && (
                <p className="small muted">{[item.condition && `Condition: ${item.condition}`, item.note].filter(Boolean).join(' · ')}</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
