import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { describe } from '../../api/problem';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { dateTime } from '../../ui/format';
import { Empty, ErrorState, Loading, Notice } from '../../ui/States';
import { ConfirmButton } from '../Confirm';
import { merchantKeys } from '../data';
import { useMember } from '../session';
import { LinkForm } from './LinkForm';

const STATUS: Record<string, [string, string]> = {
  open: ['Open', 'badge--live'], used: ['Used', 'badge--good'], expired: ['Expired', ''], revoked: ['Revoked', 'badge--bad'],
};

/** Return links: create one for a customer's order, see which were used (and the return they became), revoke. */
export default function LinksPage() {
  const { merchantId } = useMember();
  const client = useQueryClient();
  const [status, setStatus] = useState('');
  const links = useInfiniteQuery({
    queryKey: merchantKeys.links(merchantId, status),
    initialPageParam: '',
    queryFn: ({ pageParam }) => call(api.GET('/v1/return-sessions', {
      params: { query: { limit: 20, ...(status ? { status } : {}), ...(pageParam ? { startingAfter: pageParam } : {}) } },
    })),
    getNextPageParam: last => (last.hasMore ? last.data.at(-1)?.id : undefined),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => call(api.POST('/v1/return-sessions/{id}/revoke', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...merchantKeys.all(merchantId), 'links'] }),
  });
  const rows = links.data?.pages.flatMap(p => p.data) ?? [];
  return (
    <div className="page stack">
      <h1>Return links</h1>
      <p className="muted">A link opens a return already filled in with the order's items: the customer only picks a time.</p>
      <LinkForm />
      <section className="stack" aria-labelledby="links-title">
        <div className="row row--between">
          <h2 id="links-title">Links</h2>
          <SelectField id="link-status" label="Show" value={status} onChange={e => setStatus(e.target.value)}>
            <option value="">All</option>
            {Object.entries(STATUS).map(([value, [label]]) => <option key={value} value={value}>{label}</option>)}
          </SelectField>
        </div>
        {revoke.error && <Notice tone="error">{describe(revoke.error)}</Notice>}
        {links.isPending && <Loading />}
        {links.error && <ErrorState error={links.error} retry={() => void links.refetch()} />}
        {links.data && rows.length === 0 && <Empty title="No return links here yet." />}
        {rows.length > 0 && (
          <ul className="list card" data-testid="links">
            {rows.map(link => {
              const [label, tone] = STATUS[link.status] ?? [link.status, ''];
              return (
                <li key={link.id} data-testid="link-row">
                  <div className="row row--between">
                    <span><strong>{link.customer.name}</strong> · {link.merchantOrderRef}</span>
                    <span className={`badge ${tone}`} data-testid="link-status">{label}</span>
                  </div>
                  <div className="small muted">{link.customer.email} · {link.items.length} {link.items.length === 1 ? 'item' : 'items'} · created {dateTime(link.createdAt)} · until {dateTime(link.expiresAt)}</div>
                  <div className="row">
                    {link.orderId && <Link to={`/merchant/returns/${link.orderId}`}>See the return</Link>}
                    {link.status === 'open' && (
                      <ConfirmButton label="Revoke" title="Revoke this return link?" confirmLabel="Revoke the link" busy={revoke.isPending && revoke.variables === link.id}
                        onConfirm={() => revoke.mutate(link.id)}>
                        {link.customer.name} can no longer book a return with it; you can create a new one later.
                      </ConfirmButton>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {links.hasNextPage && <Button variant="secondary" busy={links.isFetchingNextPage} onClick={() => void links.fetchNextPage()}>Show more</Button>}
      </section>
    </div>
  );
}
