// The inventory core other modules call inside their own transaction.
export { moveStock, newStockWrites, type Movement, type MovementResult, type NewStock } from './stock-ledger.js';
export { MOVEMENT_TYPES, type MovementType, type StockState } from './stock-rules.js';
export { findItemFacts, loadStructure, type ItemFacts, type StructureEdge, type StructureNode } from './structure.repo.js';
export { ensureCustomPart, findCustomPart, type CustomPartRequest } from './custom-parts.js';
export { availableStock } from './stock-availability.js';
export { catalogReads, type CatalogReads, type ItemRef, type Structure } from './catalog-reads.js';
