import { ApiError } from '../../api/errors';
import type { Vendor, VendorContact, VendorInput } from './vendorsApi';

export interface VendorDraft {
  name: string;
  type: Vendor['type'];
  email: string;
  phone: string;
  address: string;
  website: string;
  notes: string;
  contacts: VendorContact[];
}

export const draftOf = (v?: Vendor): VendorDraft => ({
  name: v?.name ?? '',
  type: v?.type ?? 'SUPPLIER',
  email: v?.email ?? '',
  phone: v?.phone ?? '',
  address: v?.address ?? '',
  website: v?.website ?? '',
  notes: v?.notes ?? '',
  contacts: v?.contacts ?? [],
});

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const orUndef = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** The request body: empty fields become null (cleared), empty contact fields are left out. */
export function toInput(d: VendorDraft): VendorInput {
  return {
    name: d.name.trim(),
    type: d.type,
    email: orNull(d.email),
    phone: orNull(d.phone),
    address: orNull(d.address),
    website: orNull(d.website),
    notes: orNull(d.notes),
    contacts: d.contacts.map((c) => {
      const email = orUndef(c.email);
      const phone = orUndef(c.phone);
      const role = orUndef(c.role);
      return { name: c.name.trim(), ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...(role ? { role } : {}) };
    }),
  };
}

/** Field paths without the `body.` prefix, keeping indexes (contacts.0.name). */
export function vendorFieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const d of error.details) out[d.field.replace(/^body[./]/, '').replace(/\//g, '.')] ??= d.message;
  return out;
}

export function checkDraft(d: VendorDraft): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.name.trim()) e.name = 'Enter the vendor name.';
  if (d.website.trim() && !/^https?:\/\/\S+$/i.test(d.website.trim())) e.website = 'Start with http:// or https://';
  d.contacts.forEach((c, i) => {
    if (!c.name.trim()) e[`contacts.${i}.name`] = 'Enter a name or remove the contact.';
  });
  return e;
}
