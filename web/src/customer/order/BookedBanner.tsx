import { useState } from 'react';
import { api } from '../../api/client';
import type { Schemas } from '../../api/types';
import { Button } from '../../ui/Button';
import { money, pickupWindow } from '../../ui/format';
import { Notice } from '../../ui/States';
import { useTrackingLink } from '../data';

/** Right after booking: everything booked, a calendar file for the window, and the link to share. */
export function BookedBanner({ order }: { order: Schemas['OrderView'] }) {
  const link = useTrackingLink(order.id);
  const [shared, setShared] = useState('');
  const url = link.data ? new URL(link.data.url, location.origin).toString() : '';

  async function downloadCalendar() {
    setShared('');
    const answer = await api.GET('/v1/orders/{id}/calendar.ics', { params: { path: { id: order.id } }, parseAs: 'blob' })
      .catch(() => null);
    const data = answer?.data;
    if (!answer?.response.ok || !data) {
      setShared('The calendar file could not be downloaded. Please try again.');
      return;
    }
    const href = URL.createObjectURL(data as Blob);
    const anchor = document.createElement('a');
    anchor.href = href;
    anchor.download = `returnit-pickup-${order.id.slice(0, 8)}.ics`;
    anchor.click();
    URL.revokeObjectURL(href);
  }

  async function share() {
    if (navigator.share) {
      await navigator.share({ title: 'ReturnIt pickup', url }).catch(() => undefined);
      return;
    }
    await navigator.clipboard.writeText(url);
    setShared('Link copied.');
  }

  return (
    <Notice tone="success" testId="booked">
      <h2>Booked!</h2>
      <p>A driver collects {order.items.length} item{order.items.length === 1 ? '' : 's'} at {order.pickup.address}, {pickupWindow(order.window.start, order.window.end)}.
        {' '}{order.price.amountCents > 0 && <>Price: {money(order.price.amountCents, order.price.currency)}.</>} We sent the details by email.</p>
      <div className="row">
        <Button variant="secondary" onClick={downloadCalendar} data-testid="calendar">Add to calendar (.ics)</Button>
        {url && <Button variant="secondary" onClick={share} data-testid="share">Share the tracking link</Button>}
        <span role="status" className="small">{shared}</span>
      </div>
      {url && <p className="small">Tracking link: <a href={url} data-testid="tracking-url">{url}</a></p>}
    </Notice>
  );
}
