import type { VendorType } from './vendorsApi';

export const vendorTypeLabel = (t: VendorType) => (t === 'SUPPLIER' ? 'Supplier' : 'Contractor');
