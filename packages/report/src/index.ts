export { renderFactSheet, type FactSheetInput, type FactSheetTables } from './factsheet/index.js';
