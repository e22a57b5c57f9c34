import type { DataPackage } from './datapackage.js';

/** A few lines that load a table of a dataset, run as written from the folder they are shown for. */
export interface Snippet {
  /** Stable id, e.g. `python-pandas`. */
  id: string;
  /** The language of the code, as a Markdown fence names it: python, r, sql or js. */
  language: 'python' | 'r' | 'sql' | 'js';
  /** The language and tool, for a heading: "Python, polars". */
  tool: string;
  /** What the reader needs installed, in a few words. */
  needs: string;
  code: string;
}

export interface SnippetOptions {
  /**
   * Where the dataset's files are, relative to the folder the snippet runs in, ending in "/" (e.g. `files/` on the
   * site); empty for the dataset folder itself (the README, an unpacked bundle).
   */
  base?: string;
  /** The table to load; the key figures (`indicators`) when the dataset has them, else its first table. */
  table?: string;
}

/** The table the snippets load: `indicators` when the dataset has it, else its first table. */
export function snippetTable(descriptor: Pick<DataPackage, 'resources'>): string {
  const tables = descriptor.resources.filter((r) => r.format === 'csv' && r.schema).map((r) => r.name);
  return tables.includes('indicators') ? 'indicators' : (tables[0] ?? 'cables');
}

/** The pandas loader that reads the CSV with the nullable types declared in datapackage.json (no pyarrow needed). */
function pandasCsv(base: string, t: string): string {
  return `import json
import pandas as pd

package = json.load(open("${base}datapackage.json", encoding="utf-8"))
DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean", "date": "string", "datetime": "string"}

def load(name):
    resource = next(r for r in package["resources"] if r["name"] == name)
    fields = resource["schema"]["fields"]
    frame = pd.read_csv(
        ${base ? `"${base}" + ` : ''}resource["path"],
        dtype={f["name"]: DTYPES[f["type"]] for f in fields},
        keep_default_na=False,
        na_values={f["name"]: [""] for f in fields if not f["constraints"]["required"]},
    )
    for f in fields:
        if f["type"] in ("date", "datetime"):
            frame[f["name"]] = pd.to_datetime(frame[f["name"]], utc=f["type"] == "datetime")
    return frame

${t} = load("${t}")
print(${t}.dtypes)
`;
}

/**
 * The loading snippets of a dataset, one per tool: Python (pandas from Parquet with Arrow dtypes, pandas from the CSV
 * with the declared types, polars, DuckDB), SQL (DuckDB), R (arrow) and JavaScript (apache-arrow, nodejs-polars,
 * @duckdb/node-api). Paths are relative to the folder the snippet runs in (see `base`); ids stay strings in every one.
 */
export function loadingSnippets(descriptor: Pick<DataPackage, 'resources'>, options: SnippetOptions = {}): Snippet[] {
  const base = options.base ?? '';
  const t = options.table ?? snippetTable(descriptor);
  const parquet = `${base}data/${t}.parquet`;
  const arrow = `${base}data/${t}.arrow`;
  return [
    {
      id: 'python-pandas',
      language: 'python',
      tool: 'Python, pandas with Arrow dtypes',
      needs: 'pandas 2 and pyarrow',
      code: `import pandas as pd\n${t} = pd.read_parquet("${parquet}", dtype_backend="pyarrow")\nprint(${t}.dtypes)\n`,
    },
    {
      id: 'python-pandas-csv',
      language: 'python',
      tool: 'Python, pandas without pyarrow',
      needs: 'pandas 1.5 or later; reads the CSV with the types of datapackage.json',
      code: pandasCsv(base, t),
    },
    {
      id: 'python-polars',
      language: 'python',
      tool: 'Python, polars',
      needs: 'polars',
      code: `import polars as pl\n${t} = pl.read_parquet("${parquet}")\nprint(${t}.schema)\n`,
    },
    {
      id: 'python-duckdb',
      language: 'python',
      tool: 'Python, DuckDB',
      needs: 'duckdb',
      code: `import duckdb\n${t} = duckdb.sql("SELECT * FROM read_parquet('${parquet}')")\nprint(${t}.count("*").fetchone()[0])\n`,
    },
    {
      id: 'sql-duckdb',
      language: 'sql',
      tool: 'SQL, DuckDB shell or any DuckDB client',
      needs: 'DuckDB; Parquet is built in',
      code: `CREATE VIEW ${t} AS SELECT * FROM read_parquet('${parquet}');\nSELECT count(*) AS n FROM ${t};\n`,
    },
    {
      id: 'r-arrow',
      language: 'r',
      tool: 'R, arrow',
      needs: 'the arrow package',
      code: `library(arrow)\n${t} <- read_parquet("${parquet}")\nprint(nrow(${t}))\n`,
    },
    {
      id: 'js-arrow',
      language: 'js',
      tool: 'JavaScript (Node), apache-arrow',
      needs: 'apache-arrow',
      code: `import { readFileSync } from 'node:fs';\nimport { tableFromIPC } from 'apache-arrow';\n\nconst ${t} = tableFromIPC(readFileSync('${arrow}'));\nconsole.log(${t}.numRows, ${t}.schema.fields.map((f) => \`\${f.name}: \${f.type}\`));\n`,
    },
    {
      id: 'js-polars',
      language: 'js',
      tool: 'JavaScript (Node), nodejs-polars',
      needs: 'nodejs-polars',
      code: `import { readFileSync } from 'node:fs';\nimport pl from 'nodejs-polars';\n\nconst ${t} = pl.readIPC(readFileSync('${arrow}'));\nconsole.log(${t}.height, ${t}.schema);\n`,
    },
    {
      id: 'js-duckdb',
      language: 'js',
      tool: 'JavaScript (Node), DuckDB',
      needs: '@duckdb/node-api',
      code: `import { DuckDBInstance } from '@duckdb/node-api';\n\nconst db = await (await DuckDBInstance.create(':memory:')).connect();\nconst result = await db.runAndReadAll("SELECT count(*)::INTEGER AS n FROM read_parquet('${parquet}')");\nconsole.log(result.getRowObjectsJson());\n`,
    },
  ];
}
