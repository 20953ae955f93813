import { Button } from '../../../ui/Button';
import { Field } from '../../../ui/Field';
import { PartPicker } from './PartPicker';
import type { LineDraft, LineErrors } from './receiptLines';

interface Props {
  index: number;
  line: LineDraft;
  errors: LineErrors[number] | undefined;
  canRemove: boolean;
  onChange: (patch: Partial<LineDraft>) => void;
  onRemove: () => void;
}

export function ReceiptLineFields({ index, line, errors, canRemove, onChange, onRemove }: Props) {
  const n = index + 1;
  return (
    <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">Line {n}</legend>
      <PartPicker label={`Part (line ${n})`} value={line.part} error={errors?.part} onChange={(part) => onChange({ part })} />
      <Field label={`Quantity (line ${n})`} type="number" inputMode="numeric" min={1} step={1} value={line.quantity} error={errors?.quantity} onChange={(e) => onChange({ quantity: e.target.value })} />
      <Field label={`Bin (line ${n})`} value={line.bin} error={errors?.bin} placeholder="Optional" onChange={(e) => onChange({ bin: e.target.value })} />
      <div className="sm:pt-6">
        <Button variant="ghost" disabled={!canRemove} onClick={onRemove}>
          Remove<span className="sr-only"> line {n}</span>
        </Button>
      </div>
    </fieldset>
  );
}
