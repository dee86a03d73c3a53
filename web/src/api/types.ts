import type { components } from './schema.gen';

/** The service's JSON shapes, by the names its OpenAPI document gives them. */
export type Schemas = components['schemas'];
