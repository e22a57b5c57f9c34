import type { ExtraFileStream } from '@cablepress/publish';

/**
 * A JSON file written while its list grows, so the list is never held in memory: `{ "<key>": [` then one item a
 * line as it comes, then the closing fields, e.g. `{ "failures": [ {...}, {...} ], "files": 10, "failed": 2 }`.
 */
export class JsonListFile {
  private count = 0;

  constructor(
    private readonly out: ExtraFileStream,
    key: string,
  ) {
    out.write(`{\n  ${JSON.stringify(key)}: [`);
  }

  add(item: unknown): void {
    this.out.write(`${this.count++ === 0 ? '' : ','}\n    ${JSON.stringify(item)}`);
  }

  /** Ends the list and writes the other fields of the object after it. */
  close(fields: Record<string, unknown>): void {
    const rest = Object.entries(fields).map(([k, v]) => `,\n  ${JSON.stringify(k)}: ${JSON.stringify(v, null, 2).replaceAll('\n', '\n  ')}`);
    this.out.write(`${this.count === 0 ? '' : '\n  '}]${rest.join('')}\n}\n`);
  }
}
