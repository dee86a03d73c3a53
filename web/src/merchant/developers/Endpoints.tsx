import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Schemas } from '../../api/types';
import { api, call } from '../../api/client';
import { describe } from '../../api/problem';
import { Button } from '../../ui/Button';
import { dateTime } from '../../ui/format';
import { Empty, ErrorState, Loading, Notice } from '../../ui/States';
import { ConfirmButton } from '../Confirm';
import type { WebhookSecret } from '../shapes';
import { CopyButton } from '../CopyButton';
import { merchantKeys } from '../data';
import { useMember } from '../session';
import { Deliveries } from './Deliveries';
import { EndpointForm } from './EndpointForm';

const TONE: Record<string, string> = { active: 'badge--good', enabled: 'badge--good', paused: '', disabled: 'badge--bad' };

/** Webhook endpoints: add one, and for each its secret, pause or resume, a test event, its delivery log, deleting it. */
export function Endpoints() {
  const { merchantId } = useMember();
  const endpoints = useQuery({
    queryKey: merchantKeys.endpoints(merchantId),
    queryFn: () => call(api.GET('/v1/webhook-endpoints')),
  });
  const [open, setOpen] = useState<string>();
  const list = endpoints.data?.data ?? [];
  return (
    <section className="card stack" aria-labelledby="webhooks-title" data-testid="webhooks">
      <h2 id="webhooks-title">Webhook endpoints</h2>
      <p className="small muted">We POST each event, signed with the endpoint's secret as Standard Webhooks do (the <span className="code">webhook-signature</span> header), and retry with a growing pause until your server answers 2xx.</p>
      {endpoints.isPending && <Loading />}
      {endpoints.error && <ErrorState error={endpoints.error} retry={() => void endpoints.refetch()} />}
      {endpoints.data && list.length === 0 && <Empty title="No endpoints yet." />}
      {list.length > 0 && (
        <ul className="list">
          {list.map(endpoint => (
            <li key={endpoint.id} data-testid="endpoint">
              <div className="row row--between">
                <span><span className="code" data-testid="endpoint-url">{endpoint.url}</span>{endpoint.description ? <span className="small muted"> · {endpoint.description}</span> : null}</span>
                <span className={`badge ${TONE[endpoint.status] ?? ''}`} data-testid="endpoint-status">{endpoint.status}</span>
              </div>
              <div className="small muted">{endpoint.events.includes('*') ? 'All events' : endpoint.events.join(', ')}
                {endpoint.disabledReason ? ` · ${endpoint.disabledReason}` : ''}{endpoint.failingSince ? ` · failing since ${dateTime(endpoint.failingSince)}` : ''}</div>
              <Button variant="link" aria-expanded={open === endpoint.id} onClick={() => setOpen(open === endpoint.id ? undefined : endpoint.id)} data-testid="open-endpoint">
                {open === endpoint.id ? 'Close' : 'Manage and see deliveries'}
              </Button>
              {open === endpoint.id && <EndpointPanel endpoint={endpoint} />}
            </li>
          ))}
        </ul>
      )}
      <EndpointForm onCreated={id => setOpen(id)} />
    </section>
  );
}

function EndpointPanel({ endpoint }: { endpoint: Schemas['EndpointView'] }) {
  const { merchantId } = useMember();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: merchantKeys.endpoints(merchantId) });
  const [secret, setSecret] = useState<WebhookSecret>();
  const reveal = useMutation({
    mutationFn: () => call(api.GET('/v1/webhook-endpoints/{id}/secret', { params: { path: { id: endpoint.id } } })),
    onSuccess: setSecret,
  });
  const rotate = useMutation({
    mutationFn: () => call(api.POST('/v1/webhook-endpoints/{id}/rotate-secret', { params: { path: { id: endpoint.id } } })),
    onSuccess: () => { setSecret(undefined); reveal.mutate(); void refresh(); },
  });
  const paused = endpoint.status === 'paused' || endpoint.status === 'disabled';
  const toggle = useMutation({
    mutationFn: () => call(api.PATCH('/v1/webhook-endpoints/{id}', { params: { path: { id: endpoint.id } }, body: { enabled: paused } })),
    onSuccess: refresh,
  });
  const test = useMutation({
    mutationFn: () => call(api.POST('/v1/webhook-endpoints/{id}/test', { params: { path: { id: endpoint.id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: merchantKeys.deliveries(merchantId, endpoint.id) }),
  });
  const remove = useMutation({
    mutationFn: () => call(api.DELETE('/v1/webhook-endpoints/{id}', { params: { path: { id: endpoint.id } } })),
    onSuccess: refresh,
  });
  const failure = [reveal, rotate, toggle, test, remove].find(m => m.error)?.error;
  return (
    <div className="stack panel" data-testid="endpoint-panel">
      <div className="row">
        <Button variant="secondary" busy={test.isPending} onClick={() => test.mutate()} data-testid="send-test">Send a test event</Button>
        <Button variant="secondary" busy={reveal.isPending} onClick={() => (secret ? setSecret(undefined) : reveal.mutate())} data-testid="reveal-secret">
          {secret ? 'Hide the secret' : 'Reveal the secret'}
        </Button>
        <ConfirmButton label="Rotate the secret" title="Rotate the signing secret?" confirmLabel="Rotate" busy={rotate.isPending} onConfirm={() => rotate.mutate()}>
          A new secret signs from now on; the old one keeps signing alongside it for 24 hours, so you can switch without losing events.
        </ConfirmButton>
        <Button variant="secondary" busy={toggle.isPending} onClick={() => toggle.mutate()} data-testid="pause-endpoint">{paused ? 'Resume' : 'Pause'}</Button>
        <ConfirmButton label="Delete" title="Delete this endpoint?" confirmLabel="Delete the endpoint" busy={remove.isPending} onConfirm={() => remove.mutate()}>
          <span className="code">{endpoint.url}</span> gets no more events, and its delivery log is deleted.
        </ConfirmButton>
      </div>
      {failure !== undefined && <Notice tone="error">{describe(failure)}</Notice>}
      {test.data && <Notice tone="success" testId="test-sent">A <span className="code">{test.data.event}</span> event is on its way; it shows in the log below.</Notice>}
      {secret && (
        <div className="stack small" data-testid="secret">
          <p className="secret">{secret.secret}</p>
          <div className="row"><CopyButton text={secret.secret} label="Copy the secret" /></div>
          {secret.previousSecret && <p>The previous secret <span className="code">{secret.previousSecret}</span> still signs until {secret.previousExpiresAt ? dateTime(secret.previousExpiresAt) : 'soon'}.</p>}
        </div>
      )}
      <Deliveries endpointId={endpoint.id} />
    </div>
  );
}
