import type { Schemas } from '../api/types';

/** The portal's names for the service's shapes (all from the generated client: a changed endpoint breaks the build). */
export type Overview = Schemas['MerchantOverviewView'];
export type Preview = Schemas['PolicyPreviewView'];
export type PreviewBody = Schemas['PolicyPreviewBody'];
export type WebhookSecret = Schemas['SecretView'];
export type OrderRow = Schemas['OrderView'];
export type Delivery = Schemas['Entry'];
export type Merchant = Schemas['MerchantView'];
