// Every table, gathered for drizzle-kit (migrations) and for the typed database handle.
export { areaBoundaries } from '../areas/area-boundaries-table.js';
export { areaParents } from '../areas/area-parents-table.js';
export { areaTilePositions } from '../areas/area-tile-positions-table.js';
export { areas } from '../areas/areas-table.js';
export { deprivation } from '../areas/deprivation-table.js';
export { dataLoads } from '../imports/data-loads-table.js';
export { indicatorValueHistory } from '../indicators/indicator-value-history-table.js';
export { indicatorValues } from '../indicators/indicator-values-table.js';
export { indicators } from '../indicators/indicators-table.js';
export { indicatorTargets } from '../mission/indicator-targets-table.js';
export { eventCounts } from '../populations/event-counts-table.js';
export { populations } from '../populations/populations-table.js';
