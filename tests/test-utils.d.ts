/** The root of the repository. */
export declare const repoRoot: string;
export declare const seedDataset: string;
export declare const seedCable: string;
/** The real cables the tests read, vendored with their manifests (tests/cables/README.md). */
export declare const corpusDir: string;
export declare const corpusExtraDir: string;
/** A fresh empty folder in the temp folder, named `cablepress-<label>-…`, removed after the test (or the file). */
export declare function scratchFolder(label?: string): Promise<string>;
/** `scratchFolder` for the top level of a test file, where nothing can be awaited before the tests are declared. */
export declare function scratchFolderSync(label?: string): string;
/**
 * A scratch folder's handle for tests that clean up themselves before the file ends: `make` a folder, `cleanup` the
 * ones it made (the hooks above remove whatever is left).
 */
export declare function scratchFolders(label?: string): {
    make: () => Promise<string>;
    cleanup: () => Promise<void>;
};
/**
 * The inputs of a dataset of the repository (not its built files), copied into a scratch folder laid out like the
 * repository (a package.json with the datasets/* workspace, so the fact sheet goes to its reports/ folder):
 * `<root>/datasets/<name>`, with the path its fact sheet is written to.
 */
export declare function scratchDataset(name?: string, label?: string): Promise<{
    root: string;
    dir: string;
    report: string;
}>;
