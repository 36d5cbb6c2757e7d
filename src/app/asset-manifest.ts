import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../errors/startup-error.js';

/** Maps logical asset names (app.css) to their fingerprinted URLs (/assets/app.58a96e660fb2.css). */
export type AssetUrl = (logical: string) => string;

/** Reads dist/public/manifest.json, written by `npm run build`. */
export function loadAssetManifest(publicDir: string): AssetUrl {
  let manifest: Record<string, string>;
  try {
    manifest = JSON.parse(readFileSync(join(publicDir, 'manifest.json'), 'utf8')) as Record<string, string>;
  } catch (error) {
    throw new StartupError('ASSETS_NOT_BUILT', 'browser assets are not built: run `npm run build`', {
      cause: error,
    });
  }
  return (logical) => {
    const file = manifest[logical];
    if (!file) throw new Error(`unknown asset ${logical}`);
    return `/assets/${file}`;
  };
}
