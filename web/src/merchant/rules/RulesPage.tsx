import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError, describe, fieldErrors } from '../../api/problem';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { dateTime } from '../../ui/format';
import { ErrorState, Loading, Notice } from '../../ui/States';
import type { PreviewBody } from '../shapes';
import { merchantKeys, useMerchant } from '../data';
import { useMember } from '../session';
import { useDebounced } from '../useDebounced';
import { unshownProblem } from '../problems';
import { bodyOf, draftOf, itemBody, previewErrors, type PolicyDraft, type TryItem, blankItem } from './policy';
import { TryIt } from './TryIt';
import { Versions } from './Versions';

/**
 * The return rules: the policy's limits and the CEL rules, checked by the service as the admin types (nothing saved),
 * tried against sample items or the last 50 returns, then saved as a new version. Support members read them.
 */
export default function RulesPage() {
  const merchant = useMerchant();
  const { isAdmin } = useMember();
  // the editor starts again from each saved version: the notice of a save lives here, above it
  const [saved, setSaved] = useState<number>();
  if (merchant.isPending) return <Loading>Loading your return rules…</Loading>;
  if (merchant.error) return <div className="page"><ErrorState error={merchant.error} retry={() => void merchant.refetch()} /></div>;
  return (
    <div className="page stack">
      <h1>Return rules</h1>
      <p className="muted">Version {merchant.data.returnPolicy.version}, saved {dateTime(merchant.data.returnPolicy.createdAt)}. Orders keep the version they were checked with.</p>
      {saved !== undefined && saved === merchant.data.returnPolicy.version && (
        <Notice tone="success" testId="policy-saved">Saved as version {saved}. New returns are checked with it.</Notice>
      )}
      <Editor key={merchant.data.returnPolicy.version} initial={draftOf(merchant.data.returnPolicy)} readOnly={!isAdmin} onSaved={setSaved} />
      <Versions />
    </div>
  );
}

function Editor({ initial, readOnly, onSaved }: { initial: PolicyDraft; readOnly: boolean; onSaved: (version: number) => void }) {
  const { merchantId } = useMember();
  const client = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [items, setItems] = useState<TryItem[]>(() => [blankItem()]);
  const local = bodyOf(draft);
  const tryBodies = items.map(item => itemBody(item));
  const request = useMemo<PreviewBody | undefined>(
    () => (local.body ? { policy: local.body, items: tryBodies.filter(b => b !== undefined), againstRecent: false } : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [JSON.stringify(local.body), JSON.stringify(tryBodies)],
  );
  const settled = useDebounced(request, 400);
  const preview = useQuery({
    queryKey: [...merchantKeys.all(merchantId), 'policy-preview', JSON.stringify(settled)],
    queryFn: () => call(api.POST('/v1/merchants/{id}/return-policy/preview', { params: { path: { id: merchantId } }, body: settled! })),
    enabled: !readOnly && settled !== undefined,
    staleTime: Infinity,
    retry: false,
    placeholderData: previous => previous,
  });
  const save = useMutation({
    mutationFn: () => call(api.PUT('/v1/merchants/{id}/return-policy', { params: { path: { id: merchantId } }, body: local.body! })),
    onSuccess: view => {
      onSaved(view.version);
      return client.invalidateQueries({ queryKey: merchantKeys.all(merchantId) });
    },
  });

  const serviceErrors = { ...previewErrors(preview.data?.errors ?? []), ...fieldErrors(save.error instanceof ApiError ? save.error.problem : undefined) };
  const errors = { ...serviceErrors, ...local.errors };
  const pending = request !== settled || preview.isFetching;
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);

  const saveProblem = unshownProblem(save.error, field =>
    /^(windowDays|maxItems|maxItemValueCents|lateCancellationFeeCents|excludedCategories|rules\[\d+\]\.(name|expression|message))$/.test(field));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!local.body) return;
    save.mutate();
  }

  const setField = (name: keyof Omit<PolicyDraft, 'rules'>) => (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value });
  const setRule = (i: number, part: 'name' | 'expression' | 'message', value: string) =>
    setDraft({ ...draft, rules: draft.rules.map((r, j) => (j === i ? { ...r, [part]: value } : r)) });

  return (
    <>
      <form className="card stack" onSubmit={submit} noValidate aria-label="Return rules" data-testid="policy-form">
        <fieldset disabled={readOnly} className="stack plain">
          {readOnly && <Notice tone="info">Only your team's admins can change the return rules.</Notice>}
          <div className="filters">
            <TextField id="window-days" label="Return window (days)" inputMode="numeric" value={draft.windowDays} onChange={setField('windowDays')} error={errors.windowDays} />
            <TextField id="max-items" label="Items per return, at most" inputMode="numeric" value={draft.maxItems} onChange={setField('maxItems')} error={errors.maxItems} />
            <TextField id="max-value" label="Item value, at most" inputMode="decimal" value={draft.maxItemValue} onChange={setField('maxItemValue')} error={errors.maxItemValueCents} />
            <TextField id="late-fee" label="Late cancellation fee" inputMode="decimal" value={draft.lateCancellationFee} onChange={setField('lateCancellationFee')} error={errors.lateCancellationFeeCents} />
          </div>
          <TextField id="excluded" label="Categories that cannot be returned" hint="Separated by commas, e.g. swimwear, gift_cards" value={draft.excludedCategories}
            onChange={setField('excludedCategories')} error={errors.excludedCategories} />
          <h2>Rules</h2>
          <p className="small muted">
            A rule is a <a href="https://cel.dev" target="_blank" rel="noreferrer">CEL</a> condition each item must meet, over <code>item</code> (sku, description, category,
            valueCents, purchasedDaysAgo, tagsAttached, merchantOrderRef) and <code>pickup</code> (address, leadHours, windowHours, itemCount).
            For example <code>item.category != "swimwear" || item.tagsAttached</code>.
          </p>
          {draft.rules.length === 0 && <p className="muted">No rules: the limits above decide.</p>}
          {draft.rules.map((rule, i) => (
            <div className="rule stack" key={i} data-testid="rule">
              <TextField id={`rule-${i}-name`} label="Name" value={rule.name} onChange={e => setRule(i, 'name', e.target.value)} error={errors[`rules[${i}].name`]} />
              <TextArea id={`rule-${i}-expression`} className="code" label="Condition" spellCheck={false} value={rule.expression}
                onChange={e => setRule(i, 'expression', e.target.value)} error={errors[`rules[${i}].expression`]} />
              <TextField id={`rule-${i}-message`} label="Message to the customer when refused" value={rule.message}
                onChange={e => setRule(i, 'message', e.target.value)} error={errors[`rules[${i}].message`]} />
              <Button variant="link" onClick={() => setDraft({ ...draft, rules: draft.rules.filter((_, j) => j !== i) })}>Remove rule {rule.name}</Button>
            </div>
          ))}
          {!readOnly && draft.rules.length < 50 && (
            <Button variant="secondary" data-testid="add-rule"
              onClick={() => setDraft({ ...draft, rules: [...draft.rules, { name: `rule_${draft.rules.length + 1}`, expression: '', message: '' }] })}>Add a rule</Button>
          )}
          {!readOnly && (
            <div className="row" aria-live="polite" data-testid="preview-state">
              {pending && <span className="small muted">Checking…</span>}
              {!pending && preview.data?.valid && Object.keys(local.errors).length === 0 && <span className="preview-ok" data-testid="preview-valid">The rules are valid.</span>}
              {!pending && preview.data && !preview.data.valid && <span className="error-line" data-testid="preview-invalid">Fix the rules marked above before saving.</span>}
              {preview.error && <span className="error-line">The rules could not be checked: {describe(preview.error)}</span>}
            </div>
          )}
          {saveProblem && <Notice tone="error">{saveProblem}</Notice>}
          {!readOnly && (
            <div className="row">
              <Button type="submit" busy={save.isPending} disabled={!local.body || !changed || preview.data?.valid === false} data-testid="save-policy">Save as a new version</Button>
              {changed && <Button variant="link" onClick={() => setDraft(initial)}>Discard changes</Button>}
            </div>
          )}
        </fieldset>
      </form>
      {!readOnly && <TryIt items={items} setItems={setItems} preview={preview.data} pending={pending} policy={local.body} />}
    </>
  );
}
