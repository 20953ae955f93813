import { ApiError, describeError } from '../../api/errors';

/** What the user can do about an answer of the orders API, by its status. */
function nextStep(e: ApiError): string {
  switch (e.status) {
    case 0:
      return 'Check your connection and try again; nothing was saved.';
    case 403:
      return 'Your role may not do this: ask a production coordinator.';
    case 404:
      return 'The order is gone or not in your plant: go back to the order list.';
    case 409:
      return 'Someone may have changed the order meanwhile: reload the page, then fix what is named above.';
    case 400:
    case 422:
      return 'Correct the fields named above and try again; nothing was saved.';
    default:
      return 'Try again in a moment; nothing was saved.';
  }
}

const fieldName = (f: string) => f.replace(/^body\./, '').replace(/^(body|query|params)$/, '');

/**
 * An orders API error with every field it names (the engine's paths such as `basins[1].size`,
 * the build numbers taken) and what to do next; the spec's details array is read as given.
 */
export function ProblemBanner({ error, title }: { error: unknown; title: string }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
      <p className="font-semibold">{title}</p>
      <p>{api && api.details.length && api.code === 'VALIDATION_ERROR' ? api.message || 'Some fields are not valid.' : describeError(error)}</p>
      {api?.details.length ? (
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {api.details.map((d, i) => (
            <li key={`${d.field}-${i}`} data-field={d.field} data-code={d.code}>
              {fieldName(d.field) ? <span className="font-mono">{fieldName(d.field)}</span> : null}
              {fieldName(d.field) ? ': ' : ''}
              {d.message}
            </li>
          ))}
        </ul>
      ) : null}
      {api ? <p className="mt-1">{nextStep(api)}</p> : null}
    </div>
  );
}
