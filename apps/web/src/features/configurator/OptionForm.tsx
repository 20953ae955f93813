import { Button } from '../../ui/Button';
import { Checkbox, Field, SelectField } from '../../ui/Field';
import { getAt, join } from './configPath';
import type { OptionNode } from './configuratorTypes';

/**
 * Draws a family's option tree as a form (families are data, so the form is too). Each choice
 * lists only the values the server says are valid with the rest of the configuration; each
 * field shows the validation messages that name it.
 */
export interface FormContext {
  config: unknown;
  set(path: string, value: unknown): void;
  offered: Map<string, { value: string; label: string }[]>;
  errors: Map<string, string[]>;
}

const words = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const values = (node: Extract<OptionNode, { type: 'enum' }>) => node.values.map((v) => (typeof v === 'string' ? { value: v, label: words(v) } : { value: v.value, label: v.label ?? v.value }));
/** `basins[1].size` is offered like `basins[].size` until the server has seen that basin. */
const offeredAt = (ctx: FormContext, path: string) => ctx.offered.get(path) ?? ctx.offered.get(path.replace(/\[\d+\]/g, '[]'));

function FieldErrors({ messages }: { messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <ul className="space-y-1 text-sm text-red-700 dark:text-red-400">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

function EnumSelect({ node, path, label, ctx }: { node: Extract<OptionNode, { type: 'enum' }>; path: string; label: string; ctx: FormContext }) {
  const current = getAt(ctx.config, path);
  const all = values(node);
  const offered = offeredAt(ctx, path) ?? all;
  const shown = typeof current === 'string' && !offered.some((o) => o.value === current) ? [...offered, { value: current, label: `${current} (not available)` }] : offered;
  const errors = ctx.errors.get(path);
  return (
    <SelectField label={label} value={typeof current === 'string' ? current : ''} error={errors?.join(' ')} onChange={(e) => ctx.set(path, e.target.value === '' ? (node.required === false ? null : undefined) : e.target.value)}>
      <option value="">{node.required === false ? 'None' : 'Choose…'}</option>
      {shown.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

export function OptionField({ node, path, label, ctx }: { node: OptionNode; path: string; label: string; ctx: FormContext }) {
  const value = getAt(ctx.config, path);
  switch (node.type) {
    case 'enum':
      return <EnumSelect node={node} path={path} label={label} ctx={ctx} />;
    case 'number':
      return (
        <Field
          label={`${label}${node.unit ? ` (${node.unit})` : ''}`}
          type="number"
          inputMode="decimal"
          step="any"
          min={node.min}
          max={node.max}
          value={typeof value === 'number' ? value : ''}
          error={ctx.errors.get(path)?.join(' ')}
          hint={node.min !== undefined && node.max !== undefined ? `${node.min} to ${node.max}` : undefined}
          onChange={(e) => ctx.set(path, e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'boolean':
      return <Checkbox label={label} checked={value === true} onChange={(e) => ctx.set(path, e.target.checked)} />;
    case 'object': {
      if (node.nullable) {
        const on = value !== null && value !== undefined;
        return (
          <fieldset className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
            <legend className="px-1 text-sm font-semibold">{label}</legend>
            <Checkbox label={`Include ${words(node.label ?? label)}`} checked={on} onChange={(e) => ctx.set(path, e.target.checked ? {} : null)} />
            {on ? <ObjectFields node={node} path={path} ctx={ctx} /> : null}
            <FieldErrors messages={ctx.errors.get(path)} />
          </fieldset>
        );
      }
      return (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <legend className="px-1 text-sm font-semibold">{label}</legend>
          <ObjectFields node={node} path={path} ctx={ctx} />
          <FieldErrors messages={ctx.errors.get(path)} />
        </fieldset>
      );
    }
    case 'array': {
      const items = Array.isArray(value) ? value : [];
      const itemLabel = cap(words(node.items.label ?? 'item'));
      const full = node.maxItems !== undefined && items.length >= node.maxItems;
      return (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <legend className="px-1 text-sm font-semibold">{label}</legend>
          <FieldErrors messages={ctx.errors.get(path)} />
          {items.map((_item, i) => (
            <div key={i} className="space-y-3 rounded-md bg-slate-50 p-3 dark:bg-slate-800">
              <div className="flex items-center justify-between gap-2">
                <h3 className="font-medium">{`${itemLabel} ${i + 1}`}</h3>
                <Button variant="ghost" aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`} onClick={() => ctx.set(path, items.filter((_x, j) => j !== i))}>
                  Remove
                </Button>
              </div>
              <OptionField node={node.items} path={join(path, i)} label={`${itemLabel} ${i + 1}`} ctx={ctx} />
            </div>
          ))}
          <Button variant="secondary" disabled={full} onClick={() => ctx.set(path, [...items, {}])}>
            {`Add ${itemLabel.toLowerCase()}`}
          </Button>
        </fieldset>
      );
    }
    case 'oneOf': {
      const standard = node.options.find((o): o is Extract<OptionNode, { type: 'enum' }> => o.type === 'enum');
      const custom = node.options.find((o): o is Extract<OptionNode, { type: 'object' }> => o.type === 'object');
      const isCustom = value !== null && typeof value === 'object';
      const offered = offeredAt(ctx, path) ?? (standard ? values(standard) : []);
      return (
        <div className="space-y-3">
          <SelectField
            label={label}
            value={isCustom ? '__custom' : typeof value === 'string' ? value : ''}
            error={ctx.errors.get(path)?.join(' ')}
            onChange={(e) => ctx.set(path, e.target.value === '__custom' ? {} : e.target.value || undefined)}
          >
            <option value="">Choose…</option>
            {offered.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
            {custom ? <option value="__custom">Custom size…</option> : null}
          </SelectField>
          {isCustom && custom ? <ObjectFields node={custom} path={path} ctx={ctx} /> : null}
        </div>
      );
    }
  }
}

function ObjectFields({ node, path, ctx }: { node: Extract<OptionNode, { type: 'object' }>; path: string; ctx: FormContext }) {
  // Inside a list element the element's name leads (Basin 2: basin type), so every label stays unique on the page.
  const prefix = /\[\d+\]$/.test(path) ? `${cap(words(node.label ?? ''))} ${Number(/\[(\d+)\]$/.exec(path)![1]) + 1}: ` : '';
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {Object.entries(node.fields).map(([key, child]) => (
        <div key={key} className={child.type === 'object' || child.type === 'array' ? 'sm:col-span-2' : ''}>
          <OptionField node={child} path={join(path, key)} label={`${prefix}${cap(words(child.label ?? key))}`} ctx={ctx} />
        </div>
      ))}
    </div>
  );
}
