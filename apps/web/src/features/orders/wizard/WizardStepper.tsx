import { WIZARD_STEPS } from '@plantops/contracts';

/**
 * The five steps as a list of buttons: the current one is marked, steps up to the one after the
 * furthest saved may be opened again (revisited until submit), later ones wait.
 */
export function WizardStepper({ current, reachable, onStep }: { current: number; reachable: number; onStep: (n: number) => void }) {
  return (
    <nav aria-label="Order steps">
      <ol className="grid grid-cols-5 gap-1 text-xs sm:text-sm">
        {WIZARD_STEPS.map((name, i) => {
          const n = i + 1;
          const here = n === current;
          return (
            <li key={name}>
              <button
                type="button"
                disabled={n > reachable}
                aria-current={here ? 'step' : undefined}
                onClick={() => onStep(n)}
                className={`flex min-h-11 w-full items-center justify-center gap-1 rounded-md border px-1 py-1 text-center ${here ? 'border-sky-700 bg-sky-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100'} disabled:cursor-not-allowed disabled:border-dashed disabled:bg-slate-100 disabled:text-slate-500 dark:disabled:bg-slate-900`}
              >
                {/* On a phone the number alone fits; the name stays for screen readers. */}
                <span>{`${n}.`}</span>
                <span className="max-sm:sr-only">{` ${name}`}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
