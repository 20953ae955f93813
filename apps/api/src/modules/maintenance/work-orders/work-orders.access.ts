import { registerRecordAccess } from '../../core/files/index.js';
import { workOrderVisible } from './work-orders.service.js';

// Files attached to a work order are readable by whoever may read that work order.
// Registered once, when the module is first imported (registering twice throws).
registerRecordAccess('work_order', workOrderVisible);
