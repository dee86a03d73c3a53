import { useState, type DragEvent } from 'react';
import { statusLabel } from '../../ui/format';
import { Empty } from '../../ui/States';
import { isStale, shortId, type ConsoleDriver, type ConsoleOrder, type DriverState } from './model';

export const ORDER_MIME = 'application/x-returnit-order';

const TITLES: Record<DriverState, string> = { idle: 'Idle', busy: 'Busy', offline: 'Offline (position stale)' };

/** An order as a chip: click to open it, drag it onto a driver to give it to them. */
export function OrderChip({ order, onSelect, selected }: { order: ConsoleOrder; onSelect: (id: string) => void; selected: boolean }) {
  return (
    <button type="button" className={`chip chip--${order.status}${selected ? ' chip--selected' : ''}`} draggable
      data-testid="order-chip" data-order-id={order.id} aria-pressed={selected}
      onDragStart={event => {
        event.dataTransfer.setData(ORDER_MIME, order.id);
        event.dataTransfer.setData('text/plain', order.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => onSelect(order.id)}>
      <span className="chip__dot" aria-hidden="true" />
      {shortId(order.id)} · {statusLabel(order.status)}
    </button>
  );
}

/**
 * Drivers on shift by state; each row is a drop target for an order chip (the picker in the order's panel does the
 * same with the keyboard).
 */
export function DriversPanel({ groups, now, selectedOrder, selectedDriver, onSelectOrder, onSelectDriver, onDrop }: {
  groups: Record<DriverState, { driver: ConsoleDriver; jobs: ConsoleOrder[] }[]>;
  now: number;
  selectedOrder: string | null;
  selectedDriver: string | null;
  onSelectOrder: (id: string) => void;
  onSelectDriver: (id: string) => void;
  onDrop: (orderId: string, driverId: string) => void;
}) {
  const [over, setOver] = useState<string | null>(null);
  const total = groups.idle.length + groups.busy.length + groups.offline.length;
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(ORDER_MIME);
  return (
    <section className="card console-panel" aria-labelledby="drivers-heading" data-testid="drivers-panel">
      <h2 id="drivers-heading">Drivers on shift <span className="muted">({total})</span></h2>
      <p className="small muted">Drag an order onto a driver to give it to them.</p>
      {total === 0 && <Empty title="No driver is on shift" />}
      {(['idle', 'busy', 'offline'] as const).map(state => groups[state].length > 0 && (
        <div key={state}>
          <h3 className={`driver-group driver-group--${state}`}>{TITLES[state]} <span className="muted">({groups[state].length})</span></h3>
          <ul className="driver-list">
            {groups[state].map(({ driver, jobs }) => {
              const age = Math.max(0, Math.round((now - driver.at) / 1000));
              return (
                <li key={driver.id} data-testid="driver-row" data-driver-id={driver.id} data-state={state}
                  className={`driver-row${over === driver.id ? ' driver-row--over' : ''}${selectedDriver === driver.id ? ' driver-row--selected' : ''}`}
                  onDragOver={event => {
                    if (!accepts(event)) return;
                    event.preventDefault();
                    event.dataTransfer.dropEffect = 'move';
                    setOver(driver.id);
                  }}
                  onDragLeave={() => setOver(current => (current === driver.id ? null : current))}
                  onDrop={event => {
                    event.preventDefault();
                    setOver(null);
                    const orderId = event.dataTransfer.getData(ORDER_MIME);
                    if (orderId) onDrop(orderId, driver.id);
                  }}>
                  <div className="row row--between">
                    <button type="button" className="button button--link" onClick={() => onSelectDriver(driver.id)}>
                      Driver {shortId(driver.id)}
                    </button>
                    <span className={`small ${isStale(driver, now) ? 'stale' : 'muted'}`}>
                      {isStale(driver, now) ? `stale, ${formatAge(age)} old` : `seen ${formatAge(age)} ago`}
                    </span>
                  </div>
                  {jobs.length > 0 && (
                    <div className="chips" aria-label={`Jobs of driver ${shortId(driver.id)}`}>
                      {jobs.map(job => <OrderChip key={job.id} order={job} onSelect={onSelectOrder} selected={selectedOrder === job.id} />)}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}

export function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}
