import { describe, expect, it } from 'vitest';
import { hivePartitionFolder } from './table-writer.js';

describe('hivePartitionFolder', () => {
  it('keeps plain values as they are, spaces included', () => {
    expect(hivePartitionFolder('year', '2008')).toBe('year=2008');
    expect(hivePartitionFolder('origin', 'Embassy San Jose')).toBe('origin=Embassy San Jose');
  });

  it('percent-encodes what would leave the folder or confuse a Hive reader', () => {
    expect(hivePartitionFolder('origin', '../../etc/passwd')).toBe('origin=%2E.%2F..%2Fetc%2Fpasswd');
    expect(hivePartitionFolder('origin', 'a=b%c\\d\u0000')).toBe('origin=a%3Db%25c%5Cd%00');
  });
});
