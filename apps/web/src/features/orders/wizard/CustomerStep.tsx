import { ORDER_PRIORITIES, type OrderPriority } from '@plantops/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../ui/Button';
import { Card } from '../../../ui/Card';
import { Field, SelectField, TextAreaField } from '../../../ui/Field';
import { SearchPicker } from '../../../ui/SearchPicker';
import { orderKeys, ordersApi, type Customer } from '../ordersApi';
import { PRIORITY_LABEL } from '../orderText';
import { ProblemBanner } from '../ProblemBanner';
import { fieldErrors, fromCustomer, type CustomerFormValues } from './customerForm';

/**
 * Step 1: who orders and where it goes. An existing customer is found by name and reused (the
 * spec keeps customers as one table across orders); otherwise the details make a new one.
 * On a saved draft the company stays; the contact, address and order details may change.
 */
export function CustomerStep({ initial, saved, busy, error, onSave }: { initial: CustomerFormValues; saved: boolean; busy: boolean; error: unknown; onSave: (v: CustomerFormValues) => void }) {
  const [v, setV] = useState(initial);
  const [picked, setPicked] = useState<Customer | null>(null);
  const errs = fieldErrors(error);
  const set = (k: keyof CustomerFormValues) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSave(v);
  };
  return (
    <form className="space-y-4" onSubmit={submit} noValidate>
      <Card title="Customer">
        {saved ? null : (
          <div className="mb-4">
            <SearchPicker<Customer>
              label="Existing customer"
              placeholder="Type a company or contact name"
              noun="customers"
              value={picked}
              onChange={(c) => {
                setPicked(c);
                setV((x) => (c ? fromCustomer(x, c) : { ...x, customerId: null }));
              }}
              search={async (text) => (await ordersApi.customers(text)).customers}
              queryKey={orderKeys.customers}
              optionKey={(c) => c.id}
              renderOption={(c) => `${c.companyName} (${c.contactName}, ${c.shippingAddress.city})`}
              pickedTestId="picked-customer"
            />
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Or leave it empty and enter a new customer below.</p>
          </div>
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Company name" required value={v.companyName} onChange={set('companyName')} error={errs.companyName} disabled={saved || Boolean(v.customerId)} hint={saved ? 'The customer of a saved draft stays; start a new order for another one.' : undefined} />
          <Field label="Contact name" required autoComplete="name" value={v.contactName} onChange={set('contactName')} error={errs.contactName} />
          <Field label="Contact e-mail" required type="email" autoComplete="email" value={v.email} onChange={set('email')} error={errs.email} />
          <Field label="Contact phone" type="tel" autoComplete="tel" value={v.phone} onChange={set('phone')} error={errs.phone} />
        </div>
      </Card>
      <Card title="Shipping address">
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="sm:col-span-2">
            <Field label="Street" required autoComplete="street-address" value={v.street} onChange={set('street')} error={errs.street} />
          </div>
          <Field label="City" required value={v.city} onChange={set('city')} error={errs.city} />
          <Field label="State" required value={v.state} onChange={set('state')} error={errs.state} />
          <Field label="ZIP code" required autoComplete="postal-code" value={v.zipCode} onChange={set('zipCode')} error={errs.zipCode} />
          <Field label="Country" required autoComplete="country-name" value={v.country} onChange={set('country')} error={errs.country} />
        </div>
      </Card>
      <Card title="Order details">
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField label="Priority" value={v.priority} onChange={(e) => setV((x) => ({ ...x, priority: e.target.value as OrderPriority }))} error={errs.priority}>
            {ORDER_PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABEL[p]}
              </option>
            ))}
          </SelectField>
          <Field label="Requested delivery" type="date" value={v.requestedDelivery} onChange={set('requestedDelivery')} error={errs.requestedDelivery} />
          <div className="sm:col-span-2">
            <TextAreaField label="Special instructions" value={v.specialInstructions} onChange={set('specialInstructions')} error={errs.specialInstructions} />
          </div>
        </div>
      </Card>
      <ProblemBanner error={error} title={saved ? 'The customer details were not saved.' : 'The draft was not created.'} />
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="submit" busy={busy}>
          {saved ? 'Save and continue' : 'Create draft and continue'}
        </Button>
      </div>
    </form>
  );
}
