// Every table, gathered for drizzle-kit (migrations) and for the typed database handle.
export { areas } from '../areas/areas-table.js';
export { dataLoads } from '../demo/data-loads-table.js';
