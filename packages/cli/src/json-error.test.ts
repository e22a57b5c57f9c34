import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from './json-error.js';

describe('jsonErrorOffset', () => {
  it('finds the first character JSON.parse refuses', () => {
    expect(jsonErrorOffset('{\n  "indicators": [,]\n}\n')).toBe(19);
    expect(jsonErrorOffset('{"a": 1,\n }')).toBe(10);
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
    expect(jsonErrorOffset('{"a": "x\ny"}')).toBe(8);
    expect(jsonErrorOffset('[1, 2] x')).toBe(7);
    expect(jsonErrorOffset('{"a": 01}')).toBe(7);
  });

  it('points past the end of text that stops too early, and gives -1 for valid JSON', () => {
    expect(jsonErrorOffset('{"a": ')).toBe(6);
    expect(jsonErrorOffset('{"a": "b')).toBe(8);
    expect(jsonErrorOffset('{"a": [1, {"b": null}], "c": -1.5e3, "d": "\\u00e9\\n"}')).toBe(-1);
  });
});
