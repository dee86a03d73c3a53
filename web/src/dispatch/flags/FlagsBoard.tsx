import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { keys, queryClient } from '../../api/query';
import type { Schemas } from '../../api/types';
import { Button } from '../../ui/Button';
import { Empty, ErrorState, Loading } from '../../ui/States';
import { FlagEditor } from './FlagEditor';
import './flags.css';

type Flag = Schemas['FlagView'];

/** Operators' feature flags (/ops/flags): each flag's rules at a glance, the kill switch one click away. */
export function FlagsBoard() {
  const flags = useQuery({ queryKey: keys.opsFlags, queryFn: () => call(api.GET('/v1/flags')) });
  const [editing, setEditing] = useState<Flag | 'new' | null>(null);
  const toggle = useMutation({
    mutationFn: (flag: Flag) => call(api.PUT('/v1/flags/{key}', {
      params: { path: { key: flag.key } },
      body: {
        description: flag.description, enabled: !flag.enabled, rolloutPercentage: flag.rolloutPercentage, roles: flag.roles,
        merchantIds: flag.merchantIds, serviceAreaIds: flag.serviceAreaIds, defaultVariant: flag.defaultVariant, version: flag.version,
      },
    })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.opsFlags }),
  });
  const remove = useMutation({
    mutationFn: (key: string) => call(api.DELETE('/v1/flags/{key}', { params: { path: { key } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.opsFlags }),
  });

  if (flags.isPending) return <Loading>Loading the flags…</Loading>;
  if (flags.error) return <div className="page"><ErrorState error={flags.error} retry={() => void flags.refetch()} /></div>;
  const failed = toggle.error ?? remove.error;

  return (
    <div className="page" id="flags">
      <div className="row row--between">
        <h1>Feature flags</h1>
        {editing === null && <Button onClick={() => setEditing('new')}>New flag</Button>}
      </div>
      <p className="muted small">Every node applies a change within a few seconds. Every change is in the audit log.</p>
      {failed && <ErrorState title="Not changed" error={failed} />}
      {editing !== null && (
        <FlagEditor key={editing === 'new' ? 'new' : editing.key} flag={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
      )}
      {flags.data.data.length === 0 ? (
        <Empty title="No flags yet">Create one, then roll it out to 1%, 50% and 100% of users.</Empty>
      ) : (
        <ul className="list card" data-testid="flags">
          {flags.data.data.map(flag => (
            <li key={flag.key} className="flag" data-testid="flag">
              <div className="row row--between">
                <div>
                  <strong className="flag__key">{flag.key}</strong>{' '}
                  <span className={`badge ${flag.enabled ? 'badge--good' : 'badge--bad'}`} data-testid="flag-state">{flag.enabled ? 'enabled' : 'killed'}</span>
                  {flag.description && <div className="muted small">{flag.description}</div>}
                </div>
                <div className="row">
                  <Button variant="secondary" onClick={() => setEditing(flag)}>Edit</Button>
                  <Button variant={flag.enabled ? 'danger' : 'secondary'} busy={toggle.isPending && toggle.variables?.key === flag.key}
                    onClick={() => toggle.mutate(flag)}>{flag.enabled ? 'Kill' : 'Enable'}</Button>
                  <Button variant="link" busy={remove.isPending && remove.variables === flag.key}
                    onClick={() => { if (window.confirm(`Delete ${flag.key}? Code falls back to its own default.`)) remove.mutate(flag.key); }}>Delete</Button>
                </div>
              </div>
              <p className="small flag__rules" data-testid="flag-rules">
                <span data-testid="flag-rollout">{String(flag.rolloutPercentage)}%</span> of users
                {flag.roles.length > 0 && <>; roles {flag.roles.join(', ')}</>}
                {flag.merchantIds.length > 0 && <>; {flag.merchantIds.length} merchant{flag.merchantIds.length === 1 ? '' : 's'}</>}
                {flag.serviceAreaIds.length > 0 && <>; {flag.serviceAreaIds.length} service area{flag.serviceAreaIds.length === 1 ? '' : 's'}</>}
                ; everyone else {flag.defaultVariant}
                <span className="muted"> · version {flag.version}, {new Date(flag.updatedAt).toLocaleString('en-GB')}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
