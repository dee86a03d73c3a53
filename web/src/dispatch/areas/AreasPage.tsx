import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { keys } from '../../api/query';
import type { Schemas } from '../../api/types';
import { Button } from '../../ui/Button';
import { Empty, ErrorState, Loading, Notice } from '../../ui/States';
import { areaKeys } from './keys';
import { OutlineEditor } from './OutlineEditor';
import { ScheduleForm } from './ScheduleForm';
import './areas.css';

type Area = Schemas['ServiceAreaView'];
type Editing = { area: Area; part: 'outline' | 'hours' } | 'new' | null;

/**
 * Service areas (/ops/areas): each area's coverage now (drivers on shift in it against pickups due without a driver,
 * from the operations overview), its outline to redraw on the map, and its opening hours and slot capacity.
 */
export function AreasPage() {
  const areas = useQuery({ queryKey: areaKeys.all, queryFn: () => call(api.GET('/v1/service-areas')) });
  const overview = useQuery({ queryKey: keys.opsOverview, queryFn: () => call(api.GET('/v1/ops/overview')), refetchInterval: 30_000 });
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<string | null>(null);

  if (areas.isPending) return <Loading>Loading the service areas…</Loading>;
  if (areas.error) return <div className="page"><ErrorState error={areas.error} retry={() => void areas.refetch()} /></div>;
  const coverage = new Map((overview.data?.areas ?? []).map(a => [a.id, a]));
  const open = (area: Area, part: 'outline' | 'hours') => {
    setSaved(null);
    setEditing({ area, part });
    window.scrollTo({ top: 0 });
  };

  return (
    <div className="page" id="areas">
      <div className="row row--between">
        <h1>Service areas</h1>
        <p className="row small">
          <Link to="/ops/dispatch">Dispatch console</Link>
          {editing === null && <Button onClick={() => setEditing('new')}>New area</Button>}
        </p>
      </div>
      <p className="muted small">Pickups are offered inside these outlines. A change counts at once on every node; orders already booked keep their area. Every change is in the audit log.</p>
      {editing === 'new' && (
        <OutlineEditor others={areas.data} onCancel={() => setEditing(null)} onSaved={saved => setEditing({ area: saved, part: 'hours' })} />
      )}
      {editing !== null && editing !== 'new' && editing.part === 'outline' && (
        <OutlineEditor key={editing.area.id} area={editing.area} others={areas.data} onCancel={() => setEditing(null)} onSaved={area => {
          setEditing(null);
          setSaved(`The outline of ${area.name} is saved: pickups are offered inside it now.`);
        }} />
      )}
      {editing !== null && editing !== 'new' && editing.part === 'hours' && (
        <>
          <ScheduleForm key={editing.area.id} areaId={editing.area.id} areaName={editing.area.name} />
          <p><Button variant="secondary" onClick={() => setEditing(null)}>Close</Button></p>
        </>
      )}
      {saved && editing === null && <Notice tone="success" testId="area-saved">{saved}</Notice>}
      {overview.error && <ErrorState title="Coverage could not be loaded" error={overview.error} retry={() => void overview.refetch()} />}
      {areas.data.length === 0 ? (
        <Empty title="No service areas yet">Draw the first one: customers can book pickups inside it.</Empty>
      ) : (
        <ul className="list card" data-testid="areas">
          {areas.data.map(area => {
            const now = coverage.get(area.id);
            const uncovered = !!now && now.pickupsDue > 0 && now.driversOnShift === 0;
            return (
              <li key={area.id} className="area" data-testid="area-row">
                <div className="row row--between">
                  <div>
                    <strong>{area.name}</strong>{' '}
                    {uncovered && <span className="badge badge--bad">uncovered</span>}
                    <div className="small" data-testid="area-coverage">
                      {now ? `${now.driversOnShift} driver${now.driversOnShift === 1 ? '' : 's'} on shift · ${now.pickupsDue} pickup${now.pickupsDue === 1 ? '' : 's'} due without a driver`
                        : overview.isPending ? 'Coverage loading…' : 'Coverage not known yet'}
                    </div>
                    <div className="muted small">{area.polygon.length} points</div>
                  </div>
                  <div className="row">
                    <Button variant="secondary" onClick={() => open(area, 'outline')} aria-label={`Edit the outline of ${area.name}`}>Outline</Button>
                    <Button variant="secondary" onClick={() => open(area, 'hours')} aria-label={`Opening hours of ${area.name}`}>Opening hours</Button>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
