import { registerRecordAccess } from '../../core/files/index.js';
import { equipmentVisible } from './equipment.service.js';

// Photos and documents attached to equipment are readable by whoever may read that equipment.
// Registered once, when the module is first imported (registering twice throws).
registerRecordAccess('equipment', equipmentVisible);
