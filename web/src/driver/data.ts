import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client';
import { ApiError } from '../api/problem';
import { keys } from '../api/query';
import type { Schemas } from '../api/types';

/** The driver face's reads and the calls that cannot wait offline (shift, offers), over the generated client. */
export const driverKeys = {
  shift: ['driver', 'shift'] as const,
  offers: ['driver', 'offers'] as const,
  /** Under `orders`, so the live stream's order events refresh it. */
  jobs: ['orders', 'driver-open'] as const,
  hubs: (merchantId: string) => ['driver', 'hubs', merchantId] as const,
  earnings: (from: string, to: string) => ['driver', 'earnings', from, to] as const,
  route: (from: string, to: string) => ['driver', 'route', from, to] as const,
};

export type Shift = Schemas['ShiftView'];
export type Offer = Schemas['OfferView'];
export type Route = Schemas['RouteView'];
/** The job as the service gives it; `contact` (masked call and SMS links) is shown when a service provides it (this one does not). */
export type Order = Schemas['OrderView'] & { contact?: { callUrl?: string; smsUrl?: string } };
export type Hub = Schemas['Hub'];

export const OPEN_STATUSES = ['assigned', 'en_route', 'picked_up'];

/** The running shift, else the last one; null for a driver who never had one. */
export function useShift(enabled: boolean) {
  return useQuery({
    queryKey: driverKeys.shift,
    enabled,
    queryFn: async (): Promise<Shift | null> => {
      try {
        return await call(api.GET('/v1/drivers/me/shift'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export function useShiftChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (start: boolean) =>
      call(start ? api.POST('/v1/drivers/me/shift/start', { headers: { 'Idempotency-Key': crypto.randomUUID() } })
        : api.POST('/v1/drivers/me/shift/end', { headers: { 'Idempotency-Key': crypto.randomUUID() } })),
    onSuccess: shift => client.setQueryData(driverKeys.shift, shift),
  });
}

/** Open offers, asked every 3 s while on shift with no job (offers are not on the live stream). */
export function useOffers(enabled: boolean) {
  return useQuery({
    queryKey: driverKeys.offers,
    enabled,
    queryFn: async () => (await call(api.GET('/v1/drivers/me/offers'))).data as Offer[],
    refetchInterval: 3_000,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
}

/** The driver's jobs still to do (assigned, en route, picked up), oldest window first. */
export function useOpenJobs(enabled: boolean) {
  return useQuery({
    queryKey: driverKeys.jobs,
    enabled,
    queryFn: async () => {
      const page = await call(api.GET('/v1/orders', { params: { query: { limit: 50 } } }));
      return (page.data as Order[])
        .filter(order => OPEN_STATUSES.includes(order.status))
        .sort((a, b) => a.window.start.localeCompare(b.window.start));
    },
    refetchInterval: 15_000,
  });
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: keys.order(id ?? 'none'),
    enabled: !!id,
    queryFn: () => call(api.GET('/v1/orders/{id}', { params: { path: { id: id! } } })) as Promise<Order>,
  });
}

/**
 * The merchant's hubs, where the parcels go. The service shows a merchant only to its staff and operators today, so
 * for a driver this is usually empty and the driver scans or types the hub's code at the hub.
 */
export function useHubs(merchantId: string | undefined) {
  return useQuery({
    queryKey: driverKeys.hubs(merchantId ?? 'none'),
    enabled: !!merchantId,
    staleTime: Infinity,
    retry: false,
    queryFn: async (): Promise<Hub[]> => {
      try {
        return (await call(api.GET('/v1/merchants/{id}', { params: { path: { id: merchantId! } } }))).hubs;
      } catch (error) {
        if (error instanceof ApiError && !error.isNetwork && error.status < 500) return [];
        throw error;
      }
    },
  });
}

export function useEarnings(from: string, to: string) {
  return useQuery({
    queryKey: driverKeys.earnings(from, to),
    queryFn: () => call(api.GET('/v1/drivers/me/earnings', { params: { query: { from, to } } })),
  });
}

/** Accepting or declining cannot wait for a connection (an offer lasts 30 s): sent now, with a key for a retry. */
export function useAnswerOffer() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ offer, accept }: { offer: Offer; accept: boolean }) => {
      const options = { params: { path: { id: offer.id } }, headers: { 'Idempotency-Key': `offer-${offer.id}-${accept ? 'accept' : 'decline'}` } };
      return call(accept ? api.POST('/v1/offers/{id}/accept', options) : api.POST('/v1/offers/{id}/decline', options));
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: driverKeys.offers });
      void client.invalidateQueries({ queryKey: driverKeys.jobs });
    },
  });
}

/**
 * The way from the driver to the stop (`GET /v1/routes`): by road when the service has a router, else the straight
 * line (`road: false`). Asked again once the driver is ~100 m on (the start is rounded to that), the last one shown
 * meanwhile; none without a connection (the map then draws the straight line itself).
 */
export function useRoute(from: [number, number] | null, to: [number, number]) {
  const start = from && ([Number(from[0].toFixed(3)), Number(from[1].toFixed(3))] as const);
  return useQuery({
    queryKey: driverKeys.route(String(start), `${to[0]},${to[1]}`),
    enabled: !!start,
    staleTime: 5 * 60_000,
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: async () => (await call(api.GET('/v1/routes', { params: { query: {
      fromLat: start![0], fromLng: start![1], toLat: to[0], toLng: to[1],
    } } }))) as Route,
  });
}
