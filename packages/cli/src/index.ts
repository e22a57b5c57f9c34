export { main } from './main.js';
export { EXIT, type Io } from './io.js';
