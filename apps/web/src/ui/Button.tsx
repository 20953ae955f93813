import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

// White on sky-700 is 5.9:1 and on red-700 6.4:1 (WCAG AA asks 4.5:1 for this text size).
const styles: Record<Variant, string> = {
  primary: 'bg-sky-700 text-white hover:bg-sky-800 disabled:bg-sky-300 dark:disabled:bg-sky-900',
  // A disabled button is dashed and greyed, so "Next" on the last page plainly cannot be pressed.
  secondary:
    'border border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700 disabled:border-dashed disabled:bg-slate-100 disabled:text-slate-500 disabled:hover:bg-slate-100 dark:disabled:bg-slate-900 dark:disabled:text-slate-500 dark:disabled:hover:bg-slate-900',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-red-300 dark:disabled:bg-red-950',
  ghost: 'text-slate-700 hover:bg-slate-200 dark:text-slate-200 dark:hover:bg-slate-800 disabled:text-slate-500 disabled:hover:bg-transparent',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  busy?: boolean;
}

/**
 * A busy button keeps its focus (a disabled one would drop it to the page): it says so with
 * aria-disabled and aria-busy and ignores clicks and submits until the work is done.
 */
export function Button({ variant = 'primary', busy = false, className = '', type = 'button', disabled, onClick, children, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      disabled={disabled}
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      className={`inline-flex min-h-11 items-center justify-center gap-2 whitespace-nowrap rounded-md px-4 py-2 text-sm font-medium disabled:cursor-not-allowed aria-busy:cursor-wait ${styles[variant]} ${className}`}
      onClick={(e) => {
        if (busy) e.preventDefault(); // also keeps a busy submit button from submitting its form again
        else onClick?.(e);
      }}
      {...rest}
    >
      {busy ? <span aria-hidden="true" className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" /> : null}
      {children}
    </button>
  );
}
