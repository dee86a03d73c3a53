import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { describe } from '../../api/problem';
import { keys, queryClient } from '../../api/query';
import { ErrorState, Loading, Notice } from '../../ui/States';

type Choice = { email: boolean; sms: boolean };

/** Which messages the customer gets: email and SMS, each on or off, saved as soon as it is changed. */
export default function Notifications() {
  const preferences = useQuery({ queryKey: keys.preferences, queryFn: () => call(api.GET('/v1/customers/me/notification-preferences')) });
  if (preferences.isPending) return <Loading />;
  if (preferences.error) return <ErrorState error={preferences.error} retry={() => void preferences.refetch()} />;
  return <Choices saved={preferences.data} />;
}

/** The boxes show the customer's choice at once; a refused save puts the saved choice back and says why. */
function Choices({ saved }: { saved: Choice }) {
  const [choice, setChoice] = useState<Choice>(saved);
  const save = useMutation({
    mutationFn: (body: Choice) => call(api.PUT('/v1/customers/me/notification-preferences', { body })),
    onSuccess: data => queryClient.setQueryData(keys.preferences, data),
    onError: () => setChoice(saved),
  });
  const change = (next: Choice) => {
    setChoice(next);
    save.mutate(next);
  };
  return (
    <section className="stack" aria-labelledby="notifications-title">
      <h2 id="notifications-title">Notifications</h2>
      <p className="muted">We tell you when a pickup is booked, when the driver is on the way and what happened at the door.</p>
      <fieldset className="choices">
        <legend>Send me updates by</legend>
        <label className="choice"><input type="checkbox" checked={choice.email} onChange={e => change({ ...choice, email: e.target.checked })} /> Email</label>
        <label className="choice"><input type="checkbox" checked={choice.sms} onChange={e => change({ ...choice, sms: e.target.checked })} /> Text message (SMS)</label>
      </fieldset>
      <p role="status" className="small">{save.isPending ? 'Saving…' : save.isSuccess ? 'Saved.' : ''}</p>
      {save.error && <Notice tone="error">{describe(save.error)}</Notice>}
    </section>
  );
}
