import { pickupWindow } from '../../ui/format';
import type { Order } from '../data';

/**
 * The jobs after the current one (dispatch may give a driver several), oldest window first: where and when, so the
 * driver can plan; each becomes the job in turn. One reassigned to another driver leaves this list at once (the app
 * follows every open job on the stream).
 */
export function NextJobs({ jobs }: { jobs: Order[] }) {
  if (jobs.length === 0) return null;
  return (
    <section className="card stack" aria-labelledby="next-jobs-title" data-testid="next-jobs">
      <h2 id="next-jobs-title">Next {jobs.length === 1 ? 'pickup' : `${jobs.length} pickups`}</h2>
      <ol className="list">
        {jobs.map(job => (
          <li key={job.id} data-testid="next-job" data-order-id={job.id}>
            <strong>{job.pickup.address}</strong>
            <div className="small muted">{pickupWindow(job.window.start, job.window.end)} · {job.items.length} {job.items.length === 1 ? 'item' : 'items'}</div>
          </li>
        ))}
      </ol>
    </section>
  );
}
