import { coreTables } from './core-tables.js';
import { factTables } from './fact-tables.js';

/** Every table of a cablepress dataset, in publishing order. */
export const allTables = [...coreTables, ...factTables];
