import { SelectField } from '../../ui/Field';
import { RUN_STATUSES, type RunFilters, type RunStatus } from './jobsApi';

interface Props {
  value: RunFilters;
  jobNames: string[];
  onChange: (patch: Partial<RunFilters>) => void;
}

export function RunFiltersBar({ value, jobNames, onChange }: Props) {
  return (
    <form role="search" aria-label="Filter job runs" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" onSubmit={(e) => e.preventDefault()}>
      <SelectField label="Job" value={value.jobName} onChange={(e) => onChange({ jobName: e.target.value, page: 1 })}>
        <option value="">All jobs</option>
        {jobNames.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </SelectField>
      <SelectField label="Status" value={value.status} onChange={(e) => onChange({ status: e.target.value as RunStatus | '', page: 1 })}>
        <option value="">Any status</option>
        {RUN_STATUSES.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </SelectField>
    </form>
  );
}
