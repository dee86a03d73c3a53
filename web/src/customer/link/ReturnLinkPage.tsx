import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { enterReturnLink } from '../../api/auth';
import { anonymous, call } from '../../api/client';
import { ApiError, describe } from '../../api/problem';
import { Button } from '../../ui/Button';
import { dateTime } from '../../ui/format';
import { Page } from '../../ui/Layout';
import { ErrorState, Loading, Notice } from '../../ui/States';
import { newItem, saveDraft, type Draft } from '../book/draft';

/**
 * A shop's return link (`/r/{token}`): the order's items are already listed; no account needed. The customer starts
 * here, then picks items, address and time in the booking flow; a used link shows the pickup booked from it.
 */
export default function ReturnLinkPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const link = useQuery({
    queryKey: ['return-link', token],
    queryFn: () => call(anonymous.GET('/v1/public/return-sessions/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const start = useMutation({
    mutationFn: () => enterReturnLink(token),
    onSuccess: () => {
      const session = link.data!;
      if (session.orderId) {
        navigate(`/orders/${session.orderId}`);
        return;
      }
      const draft: Draft = {
        merchant: { id: session.merchant.id, name: session.merchant.name, customerPays: session.merchant.customerPays ?? false },
        link: { token, sessionId: session.id, merchantOrderRef: session.merchantOrderRef },
        items: session.items.map(item => ({
          ...newItem(), key: item.sku, sku: item.sku, description: item.description, category: item.category,
          purchasedOn: item.purchasedAt.slice(0, 10), value: (item.valueCents / 100).toFixed(2),
          tagsAttached: item.tagsAttached ?? true, fromLink: true, chosen: session.items.length === 1,
        })),
      };
      saveDraft(draft);
      navigate('/book');
    },
  });

  if (link.isPending) return <Loading>Opening your return…</Loading>;
  if (link.error instanceof ApiError && (link.error.status === 404 || link.error.status === 410)) {
    return (
      <Page title={link.error.status === 410 ? 'This return link has closed' : 'Return link not found'} narrow>
        <Notice tone="warning" testId="link-closed">{link.error.status === 410 ? describe(link.error) : 'This link is not valid. Check that you copied all of it.'}</Notice>
      </Page>
    );
  }
  if (link.error) return <Page title="Your return" narrow><ErrorState error={link.error} retry={() => void link.refetch()} /></Page>;

  const session = link.data;
  return (
    <Page title={`Return to ${session.merchant.name}`} narrow>
      <div className="card stack">
        <p>Hello {session.customer.firstName}, {session.merchant.name} set up a free pickup for order <strong>{session.merchantOrderRef}</strong>.</p>
        <ul className="list" data-testid="link-items">
          {session.items.map(item => <li key={item.sku}>{item.description} <span className="small muted">({item.sku})</span></li>)}
        </ul>
        {session.status === 'used' && session.orderId && <Notice tone="info">You already booked a pickup with this link.</Notice>}
        <p className="small muted">This link works until {dateTime(session.expiresAt)}.</p>
        {start.error && <Notice tone="error">{describe(start.error)}</Notice>}
        <div><Button busy={start.isPending} onClick={() => start.mutate()} data-testid="start-link">{session.orderId ? 'See my pickup' : 'Choose items and a time'}</Button></div>
      </div>
    </Page>
  );
}
