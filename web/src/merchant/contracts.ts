import { api, call } from '../api/client';
import type { Schemas } from '../api/types';

/**
 * Shapes of the endpoints issue 16 adds to the service on other branches (notes: issue16-contracts.md), until they
 * land in the OpenAPI document and the generated client; then each moves to Schemas and the typed client.
 */
export interface Overview {
  from: string;
  to: string;
  perDay: { date: string; booked: number; pickedUp: number; delivered: number; cancelled: number; failed: number }[];
  byStatus: Record<string, number>;
  pickup: { attempted: number; succeeded: number; rate: number | null };
  refusedItems: { total: number; byReason: { reason: string; count: number }[] };
  averageBookingToHubSeconds: number | null;
  orders: number;
}

export type Preview = Schemas['PolicyPreviewView'];
export type PreviewBody = Schemas['PolicyPreviewBody'];

export interface WebhookSecret { secret: string; previousSecret: string | null; previousExpiresAt: string | null }

/** What the contracts add to existing shapes (optional until they land). */
export type OrderRow = Schemas['OrderView'] & { merchantOrderRef?: string | null; customer?: { name: string; email: string } | null };
export type Delivery = Omit<Schemas['Entry'], 'attemptLog'> & {
  request?: { body: string };
  attemptLog: (Schemas['Attempt'] & { responseBody?: string | null })[];
};
export type Merchant = Schemas['MerchantView'] & { brandColor?: string | null };

type Untyped = { [method: string]: (path: string, init?: object) => Promise<{ data?: unknown; error?: unknown; response: Response }> };

/** A call to an endpoint the generated client does not know yet, through the same client (token, retry, problems). */
export function contract<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const client = api as unknown as Untyped;
  return call(client[method]!(path, body === undefined ? {} : { body })) as Promise<T>;
}
