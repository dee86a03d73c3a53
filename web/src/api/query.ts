import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './problem';

/**
 * Server state lives in one TanStack Query cache: loading, errors and retries are handled here once. A refused
 * request (4xx) is not retried (it would be refused again); no answer or a 5xx is retried twice with a growing pause.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: true,
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      retryDelay: attempt => Math.min(1_000 * 2 ** attempt, 8_000),
    },
    mutations: { retry: false },
  },
});

/** Query keys, in one place so that pages and the live stream agree on them. */
export const keys = {
  config: ['web-config'] as const,
  me: ['me'] as const,
  orders: (filter?: string) => (filter === undefined ? (['orders'] as const) : (['orders', filter] as const)),
  order: (id: string) => ['order', id] as const,
  orderEvents: (id: string) => ['order', id, 'events'] as const,
  tracking: (id: string) => ['order', id, 'tracking'] as const,
  publicTracking: (token: string) => ['public-tracking', token] as const,
  merchants: (query: string) => ['merchants', query] as const,
  slots: (params: string) => ['slots', params] as const,
  addresses: ['addresses'] as const,
  preferences: ['notification-preferences'] as const,
  opsOverview: ['ops-overview'] as const,
  /** The flags evaluated for whoever is signed in (the cache is cleared when someone else signs in). */
  flags: ['flags-evaluated'] as const,
  opsFlags: ['ops-flags'] as const,
};
