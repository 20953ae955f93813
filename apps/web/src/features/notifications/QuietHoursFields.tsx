import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';

export interface QuietHoursDraft {
  start: string;
  end: string;
}

interface Props {
  value: QuietHoursDraft;
  error: string | undefined;
  onChange: (v: QuietHoursDraft) => void;
}

/** Two times (24-hour) when no e-mail is sent; clearing both turns quiet hours off. */
export function QuietHoursFields({ value, error, onChange }: Props) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Quiet hours for e-mail</legend>
      <div className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto]">
        <Field label="From" type="time" value={value.start} error={error} onChange={(e) => onChange({ ...value, start: e.target.value })} />
        <Field label="Until" type="time" value={value.end} onChange={(e) => onChange({ ...value, end: e.target.value })} />
        <Button variant="secondary" disabled={!value.start && !value.end} onClick={() => onChange({ start: '', end: '' })}>
          Clear quiet hours
        </Button>
      </div>
    </fieldset>
  );
}
