import { afterAll, afterEach, beforeEach } from 'vitest';
import { removeScratch, scratchScope } from './helpers.js';

// Scratch folders made inside a test are removed after it (passed or failed); those made in a beforeAll, after the file.
beforeEach(() => scratchScope('test'));
afterEach(() => removeScratch('test'));
afterAll(() => removeScratch('file'));
