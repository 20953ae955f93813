import { AppError } from '../../../platform/http/errors.js';
import type { BomStatus } from './bom.repo.js';

/**
 * BOM versions by state: a DRAFT may be edited or approved; an APPROVED version is immutable (a
 * change means regenerating a new version); a SUPERSEDED one is history. Who may act is the
 * permission table's business (bom:generate, bom:approve); these rules name the state that refused.
 */
const refuse = (rule: string, message: string) => new AppError(409, 'RESOURCE_CONFLICT', message, [{ field: 'status', code: rule, message }]);

export function assertEditable(status: BomStatus, version: number) {
  if (status === 'APPROVED') throw refuse('BOM_APPROVED_IMMUTABLE', `BOM version ${version} is APPROVED and cannot be changed: regenerate it to make a new version.`);
  if (status === 'SUPERSEDED') throw refuse('BOM_SUPERSEDED', `BOM version ${version} is SUPERSEDED by a newer version and cannot be changed.`);
}

export function assertApprovable(status: BomStatus, version: number) {
  if (status === 'APPROVED') throw refuse('BOM_ALREADY_APPROVED', `BOM version ${version} is already APPROVED.`);
  if (status === 'SUPERSEDED') throw refuse('BOM_SUPERSEDED', `BOM version ${version} is SUPERSEDED by a newer version: approve the newest one.`);
}
