import type { Role } from '@plantops/contracts';

export function roleLabel(role: Role | string): string {
  return role
    .toLowerCase()
    .split('_')
    .map((w) => (w === 'qc' ? 'QC' : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}
