import type { SinkFamily } from './configuratorTypes';
import { OptionField, type FormContext } from './OptionForm';

/** Every top-level option of a family as form fields. */
export function OptionsForm({ family, ctx }: { family: SinkFamily; ctx: FormContext }) {
  return (
    <div className="space-y-4">
      {Object.entries(family.options).map(([key, node]) => (
        <OptionField key={key} node={node} path={key} label={(node.label ?? key).replace(/^./, (c) => c.toUpperCase())} ctx={ctx} />
      ))}
    </div>
  );
}
