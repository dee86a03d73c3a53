import { useMutation, useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { describe } from '../../api/problem';
import { keys, queryClient } from '../../api/query';
import { ErrorState, Loading, Notice } from '../../ui/States';

/** Which messages the customer gets: email and SMS, each on or off. */
export default function Notifications() {
  const preferences = useQuery({ queryKey: keys.preferences, queryFn: () => call(api.GET('/v1/customers/me/notification-preferences')) });
  const save = useMutation({
    mutationFn: (body: { email: boolean; sms: boolean }) => call(api.PUT('/v1/customers/me/notification-preferences', { body })),
    onSuccess: data => queryClient.setQueryData(keys.preferences, data),
  });
  if (preferences.isPending) return <Loading />;
  if (preferences.error) return <ErrorState error={preferences.error} retry={() => void preferences.refetch()} />;
  const current = save.variables ?? preferences.data;
  return (
    <section className="stack" aria-labelledby="notifications-title">
      <h2 id="notifications-title">Notifications</h2>
      <p className="muted">We tell you when a pickup is booked, when the driver is on the way and what happened at the door.</p>
      <fieldset className="choices">
        <legend>Send me updates by</legend>
        <label className="choice"><input type="checkbox" checked={current.email} onChange={e => save.mutate({ ...current, email: e.target.checked })} /> Email</label>
        <label className="choice"><input type="checkbox" checked={current.sms} onChange={e => save.mutate({ ...current, sms: e.target.checked })} /> Text message (SMS)</label>
      </fieldset>
      <p role="status" className="small">{save.isPending ? 'Saving…' : save.isSuccess ? 'Saved.' : ''}</p>
      {save.error && <Notice tone="error">{describe(save.error)}</Notice>}
    </section>
  );
}
