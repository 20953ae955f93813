/** The app's inline text link. */
export const textLink = 'rounded text-sky-700 underline hover:text-sky-900 dark:text-sky-400 dark:hover:text-sky-300';
