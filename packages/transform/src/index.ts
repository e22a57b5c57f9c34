export { transformCable, type CableTables, type SourceInfo } from './cable.js';
