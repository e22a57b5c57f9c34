import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InternalError } from '@cablepress/core';

/** Every data file has a description of what it lists and a source. */
const described = z.object({ description: z.string().min(1), source: z.string().min(1) });

/**
 * Reads and checks a data file of packages/transform/data: a broken shipped file is a bug of cablepress, reported as
 * an InternalError (DATA_FILE_INVALID) naming the file and the field.
 */
export function loadDataFile<S extends z.ZodObject>(name: string, schema: S): z.infer<S> {
  const url = new URL(`../data/${name}`, import.meta.url);
  const parsed = described.and(schema).safeParse(JSON.parse(readFileSync(url, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = `$.${issue.path.join('.')}`;
    throw new InternalError('DATA_FILE_INVALID', `packages/transform/data/${name} ${field}: ${issue.message}`, {
      file: `packages/transform/data/${name}`,
      field,
    });
  }
  return parsed.data as z.infer<S>;
}
