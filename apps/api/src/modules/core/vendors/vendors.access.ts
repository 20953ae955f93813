import { registerRecordAccess } from '../files/index.js';
import { vendorVisible } from './vendors.service.js';

// Files in 'vendor-documents' attached to a vendor are readable by whoever may read that vendor.
// Registered once, when the module is first imported (registering twice throws).
registerRecordAccess('vendor', vendorVisible);
