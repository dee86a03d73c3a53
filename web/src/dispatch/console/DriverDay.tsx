import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { api, call } from '../../api/client';
import type { Schemas } from '../../api/types';
import { Button } from '../../ui/Button';
import { ErrorState, Loading } from '../../ui/States';
import { consoleKeys } from './useConsole';
import { pingAt, shortId } from './model';
import type { Replay } from './ConsoleMap';

type Ping = Schemas['PingView'];

/** Today's pings of one driver, page by page (the service gives up to 1,000 a page, oldest first). */
async function pingsOfToday(driverId: string, from: string): Promise<Ping[]> {
  const all: Ping[] = [];
  let after: string | undefined;
  for (let page = 0; page < 50; page++) {
    const answer = await call(api.GET('/v1/drivers/{driverId}/locations', {
      params: { path: { driverId }, query: { from, to: new Date().toISOString(), limit: 1000, ...(after ? { after } : {}) } },
    }));
    all.push(...answer.data);
    if (!answer.nextAfter || answer.data.length === 0) break;
    after = answer.nextAfter;
  }
  return all.sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
}

/**
 * A driver's day: the route from today's ping history drawn on the map, and a time slider (a minute a step with the
 * arrow keys) that moves a marker to where the driver was.
 */
export function DriverDay({ driverId, onReplay, onClose }: { driverId: string; onReplay: (replay: Replay | null) => void; onClose: () => void }) {
  const from = useMemo(() => {
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    return start.toISOString();
  }, []);
  const pings = useQuery({ queryKey: consoleKeys.pings(driverId, from), queryFn: () => pingsOfToday(driverId, from) });
  const list = pings.data ?? [];
  const first = list[0] ? Date.parse(list[0].recordedAt) : 0;
  const last = list.length ? Date.parse(list[list.length - 1]!.recordedAt) : 0;
  const [at, setAt] = useState<number | null>(null);
  const shown = at ?? last;
  const ping = pingAt(list, shown);

  useEffect(() => {
    if (list.length === 0) {
      onReplay(null);
      return;
    }
    onReplay({ path: list.map(p => [p.lat, p.lng]), at: ping ? [ping.lat, ping.lng] : null });
  }, [list, ping]);
  useEffect(() => () => onReplay(null), []);

  return (
    <section className="card console-panel" aria-labelledby="day-heading" data-testid="driver-day">
      <div className="row row--between">
        <h2 id="day-heading">Day of driver {shortId(driverId)}</h2>
        <Button variant="link" onClick={onClose}>Close</Button>
      </div>
      {pings.isPending && <Loading>Loading today's route…</Loading>}
      {pings.error && <ErrorState error={pings.error} retry={() => void pings.refetch()} />}
      {pings.data && list.length === 0 && <p className="muted">No positions recorded today.</p>}
      {list.length > 0 && (
        <>
          <label className="field" htmlFor="replay-time">
            <span>Time: <strong data-testid="replay-time">{new Date(shown).toLocaleTimeString('en-GB')}</strong></span>
          </label>
          <input id="replay-time" type="range" className="slider" min={first} max={Math.max(last, first + 1)} step={60_000}
            value={shown} onChange={event => setAt(Number(event.target.value))}
            aria-valuetext={new Date(shown).toLocaleTimeString('en-GB')} />
          <p className="small muted">
            {list.length} position{list.length === 1 ? "" : "s"} from {new Date(first).toLocaleTimeString('en-GB')} to {new Date(last).toLocaleTimeString('en-GB')}
            {ping ? `; at this time: ${ping.lat.toFixed(4)}, ${ping.lng.toFixed(4)}${ping.speedMps != null ? `, ${Math.round(ping.speedMps * 3.6)} km/h` : ''}` : ''}
          </p>
        </>
      )}
    </section>
  );
}
