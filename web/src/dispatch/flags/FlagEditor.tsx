import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError, fieldErrors } from '../../api/problem';
import { keys, queryClient } from '../../api/query';
import type { Schemas } from '../../api/types';
import { Button } from '../../ui/Button';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { ErrorState } from '../../ui/States';

type Flag = Schemas['FlagView'];
const ROLES = ['customer', 'driver', 'merchant', 'operator'] as const;

interface Draft {
  key: string;
  description: string;
  enabled: boolean;
  rolloutPercentage: string;
  roles: string[];
  merchantIds: string;
  serviceAreaIds: string;
  defaultVariant: 'on' | 'off';
}

const draftOf = (flag?: Flag): Draft => ({
  key: flag?.key ?? '',
  description: flag?.description ?? '',
  enabled: flag?.enabled ?? true,
  rolloutPercentage: String(flag?.rolloutPercentage ?? 0),
  roles: flag?.roles ?? [],
  merchantIds: (flag?.merchantIds ?? []).join('\n'),
  serviceAreaIds: (flag?.serviceAreaIds ?? []).join('\n'),
  defaultVariant: flag?.defaultVariant === 'on' ? 'on' : 'off',
});

const ids = (text: string) => text.split(/[\s,]+/).map(id => id.trim()).filter(Boolean);

/** Creates a flag, or edits one (its key fixed); the save is conditional on the version read, so nobody's change is lost. */
export function FlagEditor({ flag, onDone }: { flag?: Flag; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(flag));
  const save = useMutation({
    mutationFn: (d: Draft) => call(api.PUT('/v1/flags/{key}', {
      params: { path: { key: d.key.trim() } },
      body: {
        description: d.description, enabled: d.enabled, rolloutPercentage: Number(d.rolloutPercentage),
        roles: d.roles, merchantIds: ids(d.merchantIds), serviceAreaIds: ids(d.serviceAreaIds),
        defaultVariant: d.defaultVariant, ...(flag ? { version: flag.version } : {}),
      },
    })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.opsFlags });
      await queryClient.invalidateQueries({ queryKey: keys.flags });
      onDone();
    },
  });
  const problem = save.error instanceof ApiError ? save.error.problem : undefined;
  const errors = fieldErrors(problem);
  const listError = (field: string) => errors[field] ?? Object.entries(errors).find(([name]) => name.startsWith(`${field}[`))?.[1];
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => setDraft(d => ({ ...d, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };

  return (
    <form className="card flag-editor" onSubmit={submit} aria-label={flag ? `Edit ${flag.key}` : 'New flag'} noValidate>
      <h2>{flag ? `Edit ${flag.key}` : 'New flag'}</h2>
      {save.error && !problem?.errors?.length && <ErrorState title="Not saved" error={save.error} />}
      <TextField label="Key" value={draft.key} readOnly={!!flag} required error={errors.key}
        hint="A dotted name of lower case letters, digits, '_' and '-', e.g. checkout.new-flow" onChange={e => set('key', e.target.value)} />
      <TextField label="Description" value={draft.description} error={errors.description} onChange={e => set('description', e.target.value)} />
      <label className="choice">
        <input type="checkbox" checked={draft.enabled} onChange={e => set('enabled', e.target.checked)} /> Enabled (off is the kill switch: everyone gets off)
      </label>
      <TextField label="Rollout, % of users" type="number" min={0} max={100} step={0.01} value={draft.rolloutPercentage}
        error={errors.rolloutPercentage} hint="Whoever is in at a lower percentage stays in at a higher one."
        onChange={e => set('rolloutPercentage', e.target.value)} />
      <fieldset className="flag-roles">
        <legend>Always on for these roles</legend>
        {ROLES.map(role => (
          <label key={role} className="choice">
            <input type="checkbox" checked={draft.roles.includes(role)}
              onChange={e => set('roles', e.target.checked ? [...draft.roles, role] : draft.roles.filter(r => r !== role))} /> {role}
          </label>
        ))}
        {listError('roles') && <span className="field__error" role="alert">{listError('roles')}</span>}
      </fieldset>
      <TextArea label="Always on for these merchant ids" rows={2} value={draft.merchantIds} error={listError('merchantIds')}
        hint="One id per line." onChange={e => set('merchantIds', e.target.value)} />
      <TextArea label="Always on for these service area ids" rows={2} value={draft.serviceAreaIds} error={listError('serviceAreaIds')}
        hint="One id per line." onChange={e => set('serviceAreaIds', e.target.value)} />
      <SelectField label="Everyone else gets" value={draft.defaultVariant} error={errors.defaultVariant}
        onChange={e => set('defaultVariant', e.target.value === 'on' ? 'on' : 'off')}>
        <option value="off">off</option>
        <option value="on">on (released to everyone)</option>
      </SelectField>
      <div className="row">
        <Button type="submit" busy={save.isPending}>Save</Button>
        <Button variant="secondary" onClick={onDone}>Cancel</Button>
      </div>
    </form>
  );
}
