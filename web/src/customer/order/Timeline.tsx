import { OrderTimeline } from '../../ui/OrderTimeline';
import { useOrderEvents } from '../data';

const WORDS: Record<string, string> = {
  scheduled: 'Booked',
  assigned: 'A driver took the pickup',
  en_route: 'Driver on the way',
  picked_up: 'Picked up at your door',
  delivered: 'Delivered to the shop',
  cancelled: 'Cancelled',
  failed: 'The pickup could not be completed',
};

/** What happened to the order, oldest first, in the customer's words. */
export function Timeline({ orderId }: { orderId: string }) {
  return <OrderTimeline events={useOrderEvents(orderId)} label={type => WORDS[type.replace(/^order\./, '')] ?? type} />;
}
