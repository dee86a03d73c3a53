import { useRef, useState } from 'react';
import { useLiveOrders } from '../../api/live';
import { describe } from '../../api/problem';
import { Button } from '../../ui/Button';
import { Page } from '../../ui/Layout';
import { Empty, ErrorState, Loading, Notice } from '../../ui/States';
import { time } from '../../ui/format';
import { OPEN_STATUSES, useOffers, useOpenJobs, useShift, useShiftChange, type Shift } from '../data';
import { JobPanel } from '../job/JobPanel';
import { NextJobs } from '../job/NextJobs';
import { OfferCard } from '../offer/OfferCard';
import { actionLabel } from '../queue/actions';
import { dismissRefused, useSync } from '../sync';
import { usePush, usePushedRefresh } from '../pwa/push';
import { usePositionPings, useWakeLock, type GeoStatus, type WakeStatus } from './tracking';

/** The shift: start and end it; while on it, the position goes out, offers come in and the job is worked. */
export function ShiftHome() {
  const shift = useShift(true);
  const onShift = shift.data?.onShift === true;
  const location = usePositionPings(onShift);
  const wake = useWakeLock(onShift);
  const jobs = useOpenJobs(true);
  const sync = useSync();
  const open = jobs.data?.filter(order => OPEN_STATUSES.includes(order.status)) ?? [];
  // the job under way comes first, whatever its window (a job given later may have an earlier one), then the one
  // already shown: a job added with the same window does not take its place
  const shown = useRef<string | null>(null);
  const job = open.find(order => order.status !== 'assigned') ?? open.find(order => order.id === shown.current) ?? open[0];
  shown.current = job?.id ?? null;
  const offers = useOffers(onShift && !job);
  // every open job, not only the current one: a next job reassigned to another driver leaves at once
  useLiveOrders(open.map(order => order.id));
  usePushedRefresh();

  if (shift.isPending) return <Page title="Your shift"><Loading>Loading your shift…</Loading></Page>;
  if (shift.isError) return <Page title="Your shift"><ErrorState error={shift.error} retry={() => void shift.refetch()} /></Page>;

  const offer = !job ? offers.data?.find(o => o.status === 'offered') : undefined;
  return (
    <Page title="Your shift">
      {/* while an offer fills the screen, what is behind it cannot be reached by keyboard or screen reader */}
      <div className="stack" inert={offer ? true : undefined}>
        <SyncBar />
        {sync.refused.length > 0 && (
          <Notice tone="error" testId="refused">
            {sync.refused.map((r, i) => <p key={i}><strong>{actionLabel(r.action)} was refused:</strong> {r.detail}</p>)}
            <Button variant="secondary" className="button--small" onClick={dismissRefused}>OK</Button>
          </Notice>
        )}
        <ShiftCard shift={shift.data ?? null} hasJob={!!job} />
        {onShift && <TrackingCard geo={location.status} wake={wake} error={location.error} />}
        {job ? <><JobPanel order={job} position={location.position} /><NextJobs jobs={open.filter(order => order !== job)} /></>
          : onShift ? (
            offers.isError ? <ErrorState error={offers.error} title="Offers could not be loaded" />
              : <Empty title="Waiting for offers"><p>New pickups near you appear here, full screen, with a sound. Keep ReturnIt open.</p></Empty>
          ) : jobs.isError ? <ErrorState error={jobs.error} retry={() => void jobs.refetch()} /> : null}
      </div>
      {offer && <OfferCard key={offer.id} offer={offer} />}
    </Page>
  );
}

function ShiftCard({ shift, hasJob }: { shift: Shift | null; hasJob: boolean }) {
  const change = useShiftChange();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const onShift = shift?.onShift === true;
  return (
    <section className="card stack" aria-labelledby="shift-title" data-testid="shift">
      <div className="row row--between">
        <h2 id="shift-title">{onShift ? 'On shift' : 'Off shift'}</h2>
        <span className={`badge ${onShift ? 'badge--good' : ''}`} data-testid="shift-status">{onShift ? 'On shift' : 'Off shift'}</span>
      </div>
      <dl className="driver-facts">
        {onShift && shift?.startedAt && <><dt>Since</dt><dd>{time(shift.startedAt)}</dd></>}
        {!onShift && shift?.endedAt && <><dt>Last shift ended</dt><dd>{time(shift.endedAt)}</dd></>}
        {shift?.vehicle && <><dt>Vehicle</dt><dd data-testid="vehicle">{shift.vehicle.type}, room for {shift.vehicle.capacityParcels} parcels</dd></>}
      </dl>
      {change.isError && <Notice tone="error">{describe(change.error)}</Notice>}
      {!onShift ? (
        <Button block busy={change.isPending} onClick={() => change.mutate(true)} data-testid="start-shift">Start shift</Button>
      ) : confirmEnd ? (
        <div className="stack">
          <p>{hasJob ? 'You still have a job. End the shift anyway?' : 'End your shift? You will get no more offers.'}</p>
          <div className="proof-row__actions">
            <Button variant="danger" busy={change.isPending} onClick={() => change.mutate(false, { onSettled: () => setConfirmEnd(false) })} data-testid="confirm-end-shift">End shift</Button>
            <Button variant="secondary" onClick={() => setConfirmEnd(false)}>Keep going</Button>
          </div>
        </div>
      ) : (
        <Button block variant="secondary" onClick={() => setConfirmEnd(true)} data-testid="end-shift">End shift</Button>
      )}
    </section>
  );
}

const GEO: Record<GeoStatus, string> = {
  off: 'Location off',
  waiting: 'Finding your position…',
  tracking: 'Sharing your position',
  denied: 'Location is blocked: allow it for ReturnIt in the browser settings',
  unavailable: 'No position from the phone right now',
  unsupported: 'This browser cannot share a position',
};
const WAKE: Record<WakeStatus, string> = {
  off: '', held: 'Screen stays on', released: 'Screen may turn off', unsupported: 'Screen may turn off (not supported here)', refused: 'Screen may turn off',
};

function TrackingCard({ geo, wake, error }: { geo: GeoStatus; wake: WakeStatus; error: string | null }) {
  const bad = geo === 'denied' || geo === 'unavailable' || geo === 'unsupported';
  return (
    <section className="stack" aria-label="Location">
      <div className="driver-status">
        <span className={`badge ${bad ? 'badge--bad' : geo === 'tracking' ? 'badge--good' : ''}`} data-testid="geo-status">{GEO[geo]}</span>
        {WAKE[wake] && <span className="badge" data-testid="wake-status">{WAKE[wake]}</span>}
      </div>
      {error && bad && <p className="small muted">{error}</p>}
      <Notice tone="warning" testId="keep-open">
        <strong>Keep ReturnIt open while driving.</strong> Phones give no position to an app in the background or a locked
        screen, so dispatch sees you only while this page is on screen; when it is not, your last position goes grey.
      </Notice>
      <PushSwitch />
    </section>
  );
}

const BACKLOG = 5;

/** Offers as notifications while ReturnIt is in the background (Web Push), where the browser can. */
function PushSwitch() {
  const push = usePush();
  if (push.state === 'unsupported') return null;
  return (
    <div className="stack" data-testid="push">
      {push.state === 'on' ? <p className="small"><span className="badge badge--good">Offers also come as notifications</span></p>
        : push.state === 'blocked' ? <p className="small muted">Notifications are blocked for ReturnIt: allow them in the browser settings to hear of offers in the background.</p>
        : <Button variant="secondary" block busy={push.state === 'working'} onClick={push.turnOn} data-testid="push-on">Get offers as notifications</Button>}
      {push.error && <p className="small field__error" role="alert">{push.error}</p>}
    </div>
  );
}

/** What waits to be sent, and whether the phone is online. */
function SyncBar() {
  const sync = useSync();
  // a position or two on its way is normal; a backlog, a step waiting or no connection is worth saying
  if (sync.online && sync.pings <= BACKLOG && sync.actions.length === 0 && !sync.volatile) return null;
  return (
    <div className="queue-bar">
      <Notice tone={sync.online ? 'info' : 'warning'} testId="sync">
        {!sync.online && <strong>Offline. </strong>}
        {sync.actions.length > 0 && <span data-testid="actions-waiting">{sync.actions.length} {sync.actions.length === 1 ? 'step' : 'steps'} waiting to be sent. </span>}
        {sync.pings > 0 && <span data-testid="pings-waiting">{sync.pings} {sync.pings === 1 ? 'position' : 'positions'} waiting to be sent. </span>}
        {!sync.online && 'Everything is kept on this phone and sent, in order, when you are back online.'}
        {sync.volatile && ' This browser cannot keep them on the phone: do not close the page until they are sent.'}
      </Notice>
    </div>
  );
}
