import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call } from '../../api/client';
import { SelectField } from '../../ui/Field';
import { dateTime } from '../../ui/format';
import { ErrorState, Loading } from '../../ui/States';
import { merchantKeys } from '../data';
import { useMember } from '../session';
import { diffLines, policyLines } from './policy';

/** Every saved version, newest first, and what changed between any two of them. */
export function Versions() {
  const { merchantId } = useMember();
  const versions = useQuery({
    queryKey: merchantKeys.versions(merchantId),
    queryFn: () => call(api.GET('/v1/merchants/{id}/return-policy/versions', { params: { path: { id: merchantId } } })),
  });
  const [pair, setPair] = useState<{ from?: number; to?: number }>({});
  if (versions.isPending) return <Loading>Loading the versions…</Loading>;
  if (versions.error) return <ErrorState error={versions.error} retry={() => void versions.refetch()} title="The versions could not be loaded" />;
  const all = versions.data.data;
  const to = all.find(v => v.version === pair.to) ?? all[0];
  const from = all.find(v => v.version === pair.from) ?? all.find(v => to && v.version < to.version);
  const diff = to ? diffLines(from ? policyLines(from) : [], policyLines(to)) : [];
  return (
    <section className="card stack" aria-labelledby="versions-title" data-testid="versions">
      <h2 id="versions-title">Version history</h2>
      {all.length < 2 && <p className="muted">Only one version so far: changes show here once you save.</p>}
      {all.length >= 2 && (
        <>
          <div className="filters">
            <SelectField id="diff-from" label="Compare" value={from?.version ?? ''} onChange={e => setPair({ ...pair, from: Number(e.target.value) })}>
              {all.map(v => <option key={v.version} value={v.version}>Version {v.version} · {dateTime(v.createdAt)}</option>)}
            </SelectField>
            <SelectField id="diff-to" label="with" value={to?.version ?? ''} onChange={e => setPair({ ...pair, to: Number(e.target.value) })}>
              {all.map(v => <option key={v.version} value={v.version}>Version {v.version} · {dateTime(v.createdAt)}</option>)}
            </SelectField>
          </div>
          <ul className="diff" data-testid="diff" aria-label={`Changes from version ${from?.version} to ${to?.version}`}>
            {diff.map((line, i) => (
              <li key={i} className={line.kind === 'added' ? 'diff-add' : line.kind === 'removed' ? 'diff-del' : ''}>
                <span className="visually-hidden">{line.kind === 'added' ? 'Added: ' : line.kind === 'removed' ? 'Removed: ' : ''}</span>
                <span aria-hidden="true">{line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '− ' : '  '}</span>{line.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <ol className="list small" reversed>
        {all.map(v => <li key={v.version}>Version {v.version}, saved {dateTime(v.createdAt)} · {v.rules.length} {v.rules.length === 1 ? 'rule' : 'rules'}</li>)}
      </ol>
    </section>
  );
}
