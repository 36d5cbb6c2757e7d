import type { ImportProgress, ImportProgressListener } from './import-progress.js';

export interface ProgressBar {
  readonly update: ImportProgressListener;
  /** Clears the bar's line. */
  end(): void;
}

const WIDTH = 24;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * A one-line progress bar on a terminal, redrawn in place (\r) at most every `intervalMs`, and on every
 * change of phase. Nothing at all when the stream is not a terminal, so logs and pipes stay clean.
 */
export function createProgressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
  intervalMs = 100,
): ProgressBar {
  if (!stream.isTTY) return { update: () => {}, end: () => {} };
  let last = 0;
  let lastPhase = '';
  let drawn = false;
  return {
    update(progress: ImportProgress) {
      const now = Date.now();
      const finished = progress.total > 0 && progress.done >= progress.total;
      if (progress.phase === lastPhase && now - last < intervalMs && !finished) return;
      last = now;
      lastPhase = progress.phase;
      const columns = stream.columns && stream.columns > 20 ? stream.columns : 80;
      const text = render(label, progress).slice(0, columns - 1);
      stream.write(`\r\x1b[K${text}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}

function render(label: string, { phase, done, total }: ImportProgress): string {
  // A download of unknown size (no Content-Length) can still show how much has arrived.
  if (total <= 0) return `${label}: ${phase}…${done > 0 ? `  ${megabytes(done)}` : ''}`;
  const fraction = Math.min(1, done / total);
  const filled = Math.round(fraction * WIDTH);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `${label}: ${phase.padEnd(11)} ${bar} ${percent}  ${megabytes(done)} of ${megabytes(total)}`;
}
