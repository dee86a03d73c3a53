import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { describe } from '../../api/problem';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { dateTime } from '../../ui/format';
import { Empty, ErrorState, Loading, Notice } from '../../ui/States';
import { api, call } from '../../api/client';
import { merchantKeys } from '../data';
import { useMember } from '../session';
import { localDateTime, pretty } from './events';

const TONE: Record<string, string> = { succeeded: 'badge--good', failed: 'badge--bad', pending: 'badge--live' };

/** An endpoint's delivery log, newest first: what was sent, every attempt's answer; redeliver one, or recover since a time. */
export function Deliveries({ endpointId }: { endpointId: string }) {
  const { merchantId } = useMember();
  const client = useQueryClient();
  const [status, setStatus] = useState('');
  const log = useInfiniteQuery({
    queryKey: [...merchantKeys.deliveries(merchantId, endpointId), status],
    initialPageParam: '',
    queryFn: ({ pageParam }) => call(api.GET('/v1/webhook-endpoints/{id}/deliveries', {
      params: { path: { id: endpointId }, query: { limit: 20, ...(status ? { status } : {}), ...(pageParam ? { startingAfter: pageParam } : {}) } },
    })),
    getNextPageParam: last => (last.hasMore ? last.data.at(-1)?.id : undefined),
    refetchInterval: 5_000,
  });
  const refresh = () => client.invalidateQueries({ queryKey: merchantKeys.deliveries(merchantId, endpointId) });
  const redeliver = useMutation({
    mutationFn: (deliveryId: string) => call(api.POST('/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver', { params: { path: { id: endpointId, deliveryId } } })),
    onSuccess: refresh,
  });
  const [since, setSince] = useState(() => localDateTime(new Date(Date.now() - 86_400_000)));
  const recover = useMutation({
    mutationFn: () => call(api.POST('/v1/webhook-endpoints/{id}/recover', { params: { path: { id: endpointId } }, body: { since: new Date(since).toISOString() } })),
    onSuccess: refresh,
  });
  const rows = log.data?.pages.flatMap(p => p.data) ?? [];

  function submitRecover(event: FormEvent) {
    event.preventDefault();
    recover.mutate();
  }

  return (
    <section className="stack" aria-label="Delivery log" data-testid="deliveries">
      <div className="row row--between">
        <h3>Delivery log</h3>
        <SelectField id={`deliveries-status-${endpointId}`} label="Show" value={status} onChange={e => setStatus(e.target.value)}>
          <option value="">All</option><option value="succeeded">Succeeded</option><option value="failed">Failed</option><option value="pending">Pending</option>
        </SelectField>
      </div>
      {redeliver.error && <Notice tone="error">{describe(redeliver.error)}</Notice>}
      {log.isPending && <Loading />}
      {log.error && <ErrorState error={log.error} retry={() => void log.refetch()} />}
      {log.data && rows.length === 0 && <Empty title="Nothing sent yet.">Send a test event to see one here.</Empty>}
      {rows.length > 0 && (
        <ul className="list">
          {rows.map(d => (
            <li key={d.id} data-testid="delivery">
              <details>
                <summary className="row row--between">
                  <span><span className="code" data-testid="delivery-type">{d.eventType}</span> <span className="small muted">{dateTime(d.createdAt)}</span></span>
                  <span className={`badge ${TONE[d.status] ?? ''}`} data-testid="delivery-status">{d.status}{d.lastStatus ? ` · ${d.lastStatus}` : ''}</span>
                </summary>
                <div className="stack">
                  <p className="small">Event <span className="code">{d.eventId}</span> · {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}
                    {d.nextAttemptAt ? ` · next try ${dateTime(d.nextAttemptAt)}` : ''}{d.lastError ? ` · ${d.lastError}` : ''}</p>
                  {d.request?.body && <><h4>Request body</h4><pre className="body-pre" data-testid="request-body">{pretty(d.request.body)}</pre></>}
                  {d.attemptLog.length > 0 && (
                    <ol className="stack small">
                      {d.attemptLog.map(a => (
                        <li key={a.attempt}>
                          {dateTime(a.at)}: {a.statusCode ? `HTTP ${a.statusCode}` : 'no answer'} in {a.latencyMs} ms{a.error ? ` · ${a.error}` : ''}
                          {a.responseBody && <pre className="body-pre">{pretty(a.responseBody)}</pre>}
                        </li>
                      ))}
                    </ol>
                  )}
                  <Button variant="secondary" busy={redeliver.isPending && redeliver.variables === d.id} onClick={() => redeliver.mutate(d.id)}>Send again</Button>
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      {log.hasNextPage && <Button variant="secondary" busy={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>Show more</Button>}
      <form className="row" onSubmit={submitRecover} aria-label="Recover failed deliveries">
        <TextField id={`recover-since-${endpointId}`} label="Send again every failed delivery since" type="datetime-local" value={since} onChange={e => setSince(e.target.value)} />
        <Button type="submit" variant="secondary" busy={recover.isPending}>Recover</Button>
      </form>
      {recover.data && <Notice tone="success">{recover.data.recovered} {recover.data.recovered === 1 ? 'delivery goes' : 'deliveries go'} out again.</Notice>}
      {recover.error && <Notice tone="error">{describe(recover.error)}</Notice>}
    </section>
  );
}
