import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError, describe, fieldErrors } from '../../api/problem';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { Notice } from '../../ui/States';
import { CopyButton } from '../CopyButton';
import { merchantKeys } from '../data';
import { useMember } from '../session';
import { EVENT_TYPES, subscription } from './events';

/** A new webhook endpoint: its URL, what it is for and which events it gets; its signing secret is shown after. */
export function EndpointForm({ onCreated }: { onCreated: (id: string) => void }) {
  const { merchantId } = useMember();
  const client = useQueryClient();
  const [url, setUrl] = useState('https://');
  const [description, setDescription] = useState('');
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [eventsError, setEventsError] = useState<string>();
  const create = useMutation({
    mutationFn: () => call(api.POST('/v1/webhook-endpoints', {
      body: { url: url.trim(), events: subscription(chosen, all), ...(description.trim() ? { description: description.trim() } : {}) },
    })),
    onSuccess: endpoint => {
      void client.invalidateQueries({ queryKey: merchantKeys.endpoints(merchantId) });
      onCreated(endpoint.id);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (subscription(chosen, all).length === 0) return setEventsError('Choose at least one event.');
    setEventsError(undefined);
    create.mutate();
  }

  const fields = fieldErrors(create.error instanceof ApiError ? create.error.problem : undefined);
  if (create.data) {
    return (
      <Notice tone="success" testId="endpoint-created">
        <p><strong>Endpoint added.</strong> Verify each delivery's signature with this secret (you can reveal it again later):</p>
        {create.data.secret && <p className="secret" data-testid="endpoint-secret">{create.data.secret}</p>}
        <div className="row">
          {create.data.secret && <CopyButton text={create.data.secret} label="Copy the secret" />}
          <Button variant="secondary" onClick={() => { create.reset(); setUrl('https://'); setDescription(''); }}>Add another</Button>
        </div>
      </Notice>
    );
  }
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="New webhook endpoint" data-testid="endpoint-form">
      <h3>Add an endpoint</h3>
      <TextField id="endpoint-url" label="URL" type="url" inputMode="url" value={url} onChange={e => setUrl(e.target.value)} error={fields.url}
        hint="Where we POST the events (HTTPS; your server answers 2xx)." />
      <TextField id="endpoint-description" label="Description (optional)" value={description} onChange={e => setDescription(e.target.value)} error={fields.description} />
      <fieldset className="stack">
        <legend>Events</legend>
        <label className="choice"><input type="checkbox" checked={all} onChange={e => setAll(e.target.checked)} data-testid="all-events" /> All events, including types added later</label>
        {!all && (
          <div className="choices">
            {Object.entries(EVENT_TYPES).map(([type, meaning]) => (
              <label key={type} className="choice">
                <input type="checkbox" checked={chosen.has(type)} onChange={e => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(type); else next.delete(type);
                  setChosen(next);
                }} />
                <span><span className="code">{type}</span> <span className="small muted">{meaning}</span></span>
              </label>
            ))}
          </div>
        )}
        {(eventsError ?? fields.events) && <span className="field__error" role="alert">{eventsError ?? fields.events}</span>}
      </fieldset>
      {create.error && !fields.url && !fields.events && !fields.description && <Notice tone="error">{describe(create.error)}</Notice>}
      <Button type="submit" busy={create.isPending} data-testid="create-endpoint">Add the endpoint</Button>
    </form>
  );
}
