import type { OrderPriority } from '@plantops/contracts';
import { ApiError } from '../../../api/errors';
import type { Customer, DraftInput, OrderDetail } from '../ordersApi';

/** Step 1's form, flat: one string per field. */
export interface CustomerFormValues {
  customerId: string | null;
  companyName: string;
  contactName: string;
  email: string;
  phone: string;
  street: string;
  city: string;
  state: string;
  zipCode: string;
  country: string;
  priority: OrderPriority;
  specialInstructions: string;
  requestedDelivery: string;
}

export const EMPTY_CUSTOMER: CustomerFormValues = {
  customerId: null,
  companyName: '',
  contactName: '',
  email: '',
  phone: '',
  street: '',
  city: '',
  state: '',
  zipCode: '',
  country: 'USA',
  priority: 'STANDARD',
  specialInstructions: '',
  requestedDelivery: '',
};

/** A customer picked from the list fills the form (its id makes the draft reuse it). */
export function fromCustomer(v: CustomerFormValues, c: Customer): CustomerFormValues {
  return { ...v, customerId: c.id, companyName: c.companyName, contactName: c.contactName, email: c.email, phone: c.phone ?? '', ...c.shippingAddress };
}

export function fromOrder(o: OrderDetail): CustomerFormValues {
  return {
    customerId: o.customer.id,
    companyName: o.customer.companyName,
    contactName: o.customer.contactName,
    email: o.customer.email,
    phone: o.customer.phone ?? '',
    ...o.shippingAddress,
    priority: o.priority,
    specialInstructions: o.specialInstructions ?? '',
    requestedDelivery: o.requestedDelivery?.slice(0, 10) ?? '',
  };
}

const address = (v: CustomerFormValues) => ({ street: v.street.trim(), city: v.city.trim(), state: v.state.trim(), zipCode: v.zipCode.trim(), country: v.country.trim() });

export function toDraft(v: CustomerFormValues): DraftInput {
  return {
    customer: {
      ...(v.customerId ? { id: v.customerId } : {}),
      companyName: v.companyName.trim(),
      contactName: v.contactName.trim(),
      email: v.email.trim(),
      ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
      shippingAddress: address(v),
    },
    priority: v.priority,
    ...(v.specialInstructions.trim() ? { specialInstructions: v.specialInstructions.trim() } : {}),
    ...(v.requestedDelivery ? { requestedDelivery: v.requestedDelivery } : {}),
  };
}

/** A saved draft's step 1 again: PUT /orders/{id} takes what may change on a draft (the company stays). */
export function toUpdate(v: CustomerFormValues) {
  return {
    customer: { contactName: v.contactName.trim(), email: v.email.trim(), phone: v.phone.trim() || null },
    priority: v.priority,
    specialInstructions: v.specialInstructions.trim() || null,
    requestedDelivery: v.requestedDelivery || null,
    shippingAddress: address(v),
  };
}

/** The API's field paths (`customer.shippingAddress.city`, `body.customer.email`) to the form's fields. */
export function fieldErrors(error: unknown): Partial<Record<keyof CustomerFormValues, string>> {
  if (!(error instanceof ApiError)) return {};
  const out: Partial<Record<keyof CustomerFormValues, string>> = {};
  for (const d of error.details) {
    const last = d.field.split(/[./]/).filter(Boolean).pop() ?? '';
    const key = (last === 'id' ? 'companyName' : last) as keyof CustomerFormValues;
    if (key in EMPTY_CUSTOMER) out[key] ??= d.message;
  }
  return out;
}
