export interface Toast {
  id: number;
  title: string;
  message?: string;
}

const SHOW_MS = 6_000;
let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function emit(next: Toast[]): void {
  toasts = next;
  for (const l of listeners) l();
}

/** Brief, non-blocking messages (announced politely by the Toaster). */
export const toastStore = {
  get: (): Toast[] => toasts,
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  show(t: Omit<Toast, 'id'>): void {
    const id = nextId++;
    emit([...toasts.slice(-2), { ...t, id }]);
    setTimeout(() => toastStore.dismiss(id), SHOW_MS);
  },
  dismiss(id: number): void {
    if (toasts.some((t) => t.id === id)) emit(toasts.filter((t) => t.id !== id));
  },
};
