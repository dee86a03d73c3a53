import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { anonymous, api, call } from '../api/client';
import { keys } from '../api/query';

/** The customer face's reads, each one query over the generated client (loading, errors and retries in one place). */
/** The shop directory's first page for a search (also fetched early by prefetch.ts when /book opens). */
export function merchantsQuery(query: string) {
  const trimmed = query.trim();
  return {
    queryKey: keys.merchants(trimmed),
    queryFn: () => call(anonymous.GET('/v1/merchants', { params: { query: { ...(trimmed ? { query: trimmed } : {}), limit: 12 } } })),
    staleTime: 60_000,
  };
}

export function useMerchants(query: string) {
  return useQuery({ ...merchantsQuery(query), placeholderData: keepPreviousData });
}

export function useOrder(id: string) {
  return useQuery({ queryKey: keys.order(id), queryFn: () => call(api.GET('/v1/orders/{id}', { params: { path: { id } } })) });
}

export function useOrderEvents(id: string) {
  return useQuery({ queryKey: keys.orderEvents(id), queryFn: () => call(api.GET('/v1/orders/{id}/events', { params: { path: { id } } })) });
}

/** Driver and arrival estimate; positions arrive over the live stream, with a slow poll as a safety net. */
export function useTracking(id: string, active: boolean) {
  return useQuery({
    queryKey: keys.tracking(id),
    queryFn: () => call(api.GET('/v1/orders/{id}/tracking', { params: { path: { id } } })),
    enabled: active,
    refetchInterval: 15_000,
  });
}

export function useCancellationTerms(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.order(id), 'cancellation'],
    queryFn: () => call(api.GET('/v1/orders/{id}/cancellation', { params: { path: { id } } })),
    enabled,
    staleTime: 0,
  });
}

export function useTrackingLink(id: string) {
  return useQuery({
    queryKey: [...keys.order(id), 'tracking-link'],
    queryFn: () => call(api.GET('/v1/orders/{id}/tracking-link', { params: { path: { id } } })),
    staleTime: Infinity,
  });
}

export function useMe(enabled = true) {
  return useQuery({ queryKey: keys.me, queryFn: () => call(api.GET('/v1/customers/me')), enabled });
}

export function useSavedAddresses(enabled: boolean) {
  return useQuery({ queryKey: keys.addresses, queryFn: () => call(api.GET('/v1/customers/me/addresses')), enabled });
}
