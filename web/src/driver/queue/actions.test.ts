import { describe, expect, it } from 'vitest';
import { interpretAction, reached, shownStatus, type JobAction } from './actions';

const enRoute: JobAction = { kind: 'en-route', orderId: 'o1', at: '2026-12-07T12:00:00Z' };
const pickup: JobAction = { kind: 'pickup', orderId: 'o1', at: '2026-12-07T12:10:00Z', body: { items: [{ sku: 'A', verified: true, condition: 'new' }] } };

describe('job actions', () => {
  it('show the status they lead to while they wait to be sent', () => {
    expect(shownStatus('assigned', [])).toBe('assigned');
    expect(shownStatus('assigned', [enRoute])).toBe('en_route');
    expect(shownStatus('assigned', [enRoute, pickup])).toBe('picked_up');
    expect(shownStatus('picked_up', [enRoute])).toBe('picked_up');
  });

  it('know which statuses are already past a step', () => {
    expect(reached('picked_up', 'en_route')).toBe(true);
    expect(reached('assigned', 'en_route')).toBe(false);
    expect(reached('cancelled', 'en_route')).toBe(false);
  });

  it('count a 409 as sent when the order is already where the action leads (a lost answer)', async () => {
    expect(await interpretAction(enRoute, { status: 409 }, async () => 'en_route')).toBe('sent');
    expect(await interpretAction(pickup, { status: 409 }, async () => 'delivered')).toBe('sent');
  });

  it('drop an action on an order that was cancelled meanwhile, and retry when the order cannot be read', async () => {
    expect(await interpretAction(pickup, { status: 409 }, async () => 'cancelled')).toBe('drop');
    expect(await interpretAction(pickup, { status: 409 }, async () => { throw new Error('offline'); })).toBe('retry');
    expect(await interpretAction(pickup, { status: 409 }, async () => 'assigned')).toBe('retry');
  });

  it('keep proof files out of the status, and drop one the order no longer takes', async () => {
    const photo: JobAction = { kind: 'photo', orderId: 'o1', at: '2026-12-07T12:09:00Z', image: new Blob(['x'], { type: 'image/png' }) };
    expect(shownStatus('en_route', [photo, pickup])).toBe('picked_up');
    expect(shownStatus('en_route', [photo])).toBe('en_route');
    expect(await interpretAction(photo, { status: 409 }, async () => 'delivered')).toBe('drop');
    expect(await interpretAction(photo, { status: 409 }, async () => 'en_route')).toBe('retry');
    expect(await interpretAction(photo, { status: 413 }, async () => 'en_route')).toBe('drop');
  });

  it('read other answers plainly', async () => {
    const never = async () => { throw new Error('not asked'); };
    expect(await interpretAction(enRoute, { status: 200 }, never)).toBe('sent');
    expect(await interpretAction(enRoute, { status: 0 }, never)).toBe('retry');
    expect(await interpretAction(enRoute, { status: 404 }, never)).toBe('drop');
    expect(await interpretAction(pickup, { status: 422 }, never)).toBe('drop');
  });
});
