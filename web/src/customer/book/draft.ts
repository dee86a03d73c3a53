/**
 * The booking being put together, step by step. Kept in sessionStorage so a reload or a lost connection never loses
 * what the customer typed; cleared once booked. The rules live in the service: here are only the checks a form can
 * make before asking (something missing, a date in the future, a negative value), and the request built from it.
 */
export const REASONS = [
  ['wrong_size', 'Wrong size'],
  ['not_as_described', 'Not as described'],
  ['damaged', 'Arrived damaged'],
  ['changed_mind', 'Changed my mind'],
  ['arrived_late', 'Arrived too late'],
  ['better_price', 'Found a better price'],
  ['other', 'Other'],
] as const;

export type ReasonCode = (typeof REASONS)[number][0];

export const CATEGORIES = ['tops', 'bottoms', 'dresses', 'outerwear', 'footwear', 'swimwear', 'underwear', 'accessories',
  'bags', 'camping', 'electronics', 'home', 'other'] as const;

export interface DraftItem {
  key: string;
  sku: string;
  description: string;
  category: string;
  /** yyyy-mm-dd as the date input gives it. */
  purchasedOn: string;
  /** The value as typed, in the currency's major unit ("129.90"). */
  value: string;
  tagsAttached: boolean;
  reason: ReasonCode | '';
  reasonNote: string;
  /** From a merchant's return link: the merchant's data, not editable; only chosen or not. */
  fromLink?: boolean;
  chosen?: boolean;
}

export interface DraftMerchant {
  id: string;
  name: string;
  logoUrl?: string | null;
  customerPays: boolean;
}

export interface DraftAddress {
  address: string;
  lat: number;
  lng: number;
  save?: boolean;
  savedId?: string;
}

export interface DraftWindow {
  start: string;
  end: string;
  /** The service area's time zone, in which the window is shown. */
  timeZone?: string;
}

export interface Draft {
  merchant?: DraftMerchant;
  items: DraftItem[];
  address?: DraftAddress;
  window?: DraftWindow;
  /** How the driver gets to the door (door code, which bell): shown to the driver with the job. */
  accessNotes?: string;
  /** Set when the booking started from a merchant's return link. */
  link?: { token: string; sessionId: string; merchantOrderRef: string };
}

export const emptyDraft = (): Draft => ({ items: [] });

export function newItem(): DraftItem {
  return {
    key: Math.random().toString(36).slice(2),
    sku: '', description: '', category: '', purchasedOn: '', value: '', tagsAttached: true, reason: '', reasonNote: '',
  };
}

/** The items that go back: all typed ones, or the ones ticked on a return link. */
export function itemsToReturn(draft: Draft): DraftItem[] {
  return draft.items.filter(item => !item.fromLink || item.chosen);
}

/** Cents from "12", "12.5", "12,50"; null when it is no amount. */
export function cents(value: string): number | null {
  const normalised = value.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  return Math.round(Number(normalised) * 100);
}

/** The form's own checks of the items, keyed like the service's errors (`items[0].description`). */
export function itemProblems(items: DraftItem[], today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  if (items.length === 0) problems.items = 'Add at least one item, or tick one.';
  items.forEach((item, index) => {
    const at = `items[${index}].`;
    if (!item.fromLink) {
      if (!item.description.trim()) problems[`${at}description`] = 'Say what the item is.';
      if (!item.category) problems[`${at}category`] = 'Choose a category.';
      if (!item.purchasedOn) problems[`${at}purchasedAt`] = 'Enter when you bought it.';
      else if (item.purchasedOn > today) problems[`${at}purchasedAt`] = 'The purchase date cannot be in the future.';
      if (cents(item.value) === null) problems[`${at}valueCents`] = 'Enter what you paid, like 49.90.';
    }
    if (!item.reason) problems[`${at}reason`] = 'Tell the shop why it goes back.';
    if (item.reason === 'other' && !item.reasonNote.trim()) problems[`${at}reasonNote`] = 'Say a few words about why.';
  });
  return problems;
}

/** An item as the quote and booking take it. */
export function itemBody(item: DraftItem) {
  return {
    ...(item.sku.trim() ? { sku: item.sku.trim() } : {}),
    description: item.description.trim(),
    category: item.category,
    purchasedAt: `${item.purchasedOn}T12:00:00Z`,
    valueCents: cents(item.value) ?? 0,
    tagsAttached: item.tagsAttached,
    ...(item.reason ? { reason: item.reason } : {}),
    ...(item.reasonNote.trim() ? { reasonNote: item.reasonNote.trim() } : {}),
  };
}

/** The quote request for a complete draft; null while a step is missing. */
export function quoteBody(draft: Draft) {
  if (!draft.merchant || !draft.address || !draft.window) return null;
  return {
    merchantId: draft.merchant.id,
    pickup: {
      address: draft.address.address, lat: draft.address.lat, lng: draft.address.lng,
      ...(draft.accessNotes?.trim() ? { accessNotes: draft.accessNotes.trim() } : {}),
    },
    window: { start: draft.window.start, end: draft.window.end },
    items: itemsToReturn(draft).map(itemBody),
  };
}

const KEY = 'returnit.booking-draft';

export function loadDraft(storage: Pick<Storage, 'getItem'> = sessionStorage): Draft {
  try {
    const stored = storage.getItem(KEY);
    return stored ? (JSON.parse(stored) as Draft) : emptyDraft();
  } catch {
    return emptyDraft();
  }
}

export function saveDraft(draft: Draft, storage: Pick<Storage, 'setItem'> = sessionStorage): void {
  storage.setItem(KEY, JSON.stringify(draft));
}

export function clearDraft(storage: Pick<Storage, 'removeItem'> = sessionStorage): void {
  storage.removeItem(KEY);
}
