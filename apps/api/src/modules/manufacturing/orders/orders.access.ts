import { registerRecordAccess } from '../../core/files/index.js';
import { orderVisible } from './orders.service.js';

// Files in 'order-documents' attached to an order (drawings, purchase orders, certificates) are
// readable by whoever may read that order. Registered once, when the module is first imported.
registerRecordAccess('order', orderVisible);
