import type { PublishedDataset } from './published.js';

export interface Snippet {
  tool: string;
  code: string;
}

/** The table the snippets load: the key figures when the dataset has them, else its first table. */
function snippetTable(dataset: PublishedDataset): string {
  const names = [...dataset.tables.keys()];
  return names.includes('indicators') ? 'indicators' : (names[0] ?? 'cables');
}

/**
 * Two lines per tool that load one table from the downloaded files (paths as in the release bundle), keeping ids as
 * strings: pandas, polars, R (arrow), DuckDB and apache-arrow in JavaScript.
 */
export function loadSnippets(dataset: PublishedDataset): Snippet[] {
  const t = snippetTable(dataset);
  return [
    { tool: 'Python: pandas', code: `import pandas as pd\n${t} = pd.read_csv("data/${t}.csv", dtype=str, keep_default_na=False)` },
    { tool: 'Python: polars', code: `import polars as pl\n${t} = pl.read_parquet("data/${t}.parquet")` },
    { tool: 'R: arrow', code: `library(arrow)\n${t} <- read_parquet("data/${t}.parquet")` },
    { tool: 'DuckDB', code: `INSTALL parquet; LOAD parquet;\nSELECT * FROM read_parquet('data/${t}.parquet');` },
    { tool: 'JavaScript: apache-arrow', code: `import { tableFromIPC } from 'apache-arrow';\nconst ${t} = tableFromIPC(await (await fetch('data/${t}.arrow')).arrayBuffer());` },
  ];
}
