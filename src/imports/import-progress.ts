/**
 * Where an import is: downloading its file from a remote source (`total` 0 when the size is not known),
 * reading the file (`done` of `total` bytes), checking it (hashing, before a run), or one of the steps after
 * the rows are read (writing into the tables, computing derived values), which report no bytes.
 */
export interface ImportProgress {
  readonly phase: 'downloading' | 'checking' | 'reading' | 'writing' | 'computing';
  readonly done: number;
  readonly total: number;
}

export type ImportProgressListener = (progress: ImportProgress) => void;
