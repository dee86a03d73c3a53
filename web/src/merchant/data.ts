import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, call } from '../api/client';
import type { Schemas } from '../api/types';
import type { Merchant, OrderRow } from './shapes';
import type { DateRange } from './dates';
import { activeFilters, filterQuery, type ReturnFilters } from './returns/filters';
import { useMember } from './session';

/** The portal's reads, each one query over the client; keys start with the merchant so nothing leaks between them. */
export const merchantKeys = {
  all: (m: string) => ['merchant', m] as const,
  merchant: (m: string) => ['merchant', m, 'profile'] as const,
  overview: (m: string, range: DateRange) => ['merchant', m, 'overview', range.from, range.to] as const,
  orders: (m: string, filter?: string) => (filter === undefined ? ['merchant', m, 'orders'] as const : ['merchant', m, 'orders', filter] as const),
  order: (m: string, id: string) => ['merchant', m, 'order', id] as const,
  links: (m: string, status: string) => ['merchant', m, 'links', status] as const,
  keys: (m: string) => ['merchant', m, 'api-keys'] as const,
  endpoints: (m: string) => ['merchant', m, 'webhook-endpoints'] as const,
  deliveries: (m: string, endpoint: string) => ['merchant', m, 'deliveries', endpoint] as const,
  members: (m: string) => ['merchant', m, 'members'] as const,
  invitations: (m: string) => ['merchant', m, 'invitations'] as const,
  statement: (m: string, month: string) => ['merchant', m, 'statement', month] as const,
  versions: (m: string) => ['merchant', m, 'policy-versions'] as const,
};

export function useMerchant() {
  const { merchantId } = useMember();
  return useQuery({
    queryKey: merchantKeys.merchant(merchantId),
    queryFn: async () => (await call(api.GET('/v1/merchants/{id}', { params: { path: { id: merchantId } } }))) as Merchant,
  });
}

export function useOverview(range: DateRange) {
  const { merchantId } = useMember();
  return useQuery({
    queryKey: merchantKeys.overview(merchantId, range),
    queryFn: () => call(api.GET('/v1/merchants/{id}/overview', { params: { path: { id: merchantId }, query: { from: range.from, to: range.to } } })),
    placeholderData: keepPreviousData,
  });
}

/** The returns, newest first, a page at a time (the service's cursor: the last order's id). */
export function useOrders(filters: ReturnFilters) {
  const { merchantId } = useMember();
  const query = filterQuery(filters);
  return useInfiniteQuery({
    queryKey: merchantKeys.orders(merchantId, query),
    initialPageParam: '',
    queryFn: ({ pageParam }) => call(api.GET('/v1/orders', {
      params: { query: { ...activeFilters(filters), limit: 20, ...(pageParam ? { startingAfter: pageParam } : {}) } },
    })),
    getNextPageParam: last => (last.hasMore ? last.data.at(-1)?.id : undefined),
  });
}

export function useOrder(id: string) {
  const { merchantId } = useMember();
  return useQuery({
    queryKey: merchantKeys.order(merchantId, id),
    queryFn: async () => (await call(api.GET('/v1/orders/{id}', { params: { path: { id } } }))) as OrderRow,
  });
}

export function useOrderEvents(id: string) {
  const { merchantId } = useMember();
  return useQuery({
    queryKey: [...merchantKeys.order(merchantId, id), 'events'],
    queryFn: () => call(api.GET('/v1/orders/{id}/events', { params: { path: { id } } })),
  });
}

export function usePayment(id: string) {
  const { merchantId } = useMember();
  return useQuery({
    queryKey: [...merchantKeys.order(merchantId, id), 'payment'],
    queryFn: () => call(api.GET('/v1/orders/{id}/payment', { params: { path: { id } } })),
  });
}

export function useStatement(month: string) {
  const { merchantId } = useMember();
  return useQuery({
    queryKey: merchantKeys.statement(merchantId, month),
    queryFn: async () => (await call(api.GET('/v1/merchants/{id}/statements/{month}', {
      params: { path: { id: merchantId, month } }, headers: { Accept: 'application/json' },
    }))) as Schemas['StatementView'],
  });
}
