/**
 * The theme of the build running in this async context, for what a `Theme` argument does not
 * reach yet: the fonts (layout, charts and slides ask the text stage for a face, not a file)
 * and the logo (drawn by the renderer). A build session enters it once around everything it
 * does; it ends with the build, so a watch cycle or a concurrent build sees its own theme.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { withFontSet } from '../text/index.js';
import type { Theme } from './types.js';

const themeScope = new AsyncLocalStorage<Theme>();

/** Runs `fn` (and everything it awaits) with `theme`'s fonts and logo in effect. */
export function withTheme<T>(theme: Theme, fn: () => T): T {
  return themeScope.run(theme, () => withFontSet(theme.fonts, fn));
}

/** The theme entered by {@link withTheme}, if any. */
export function activeTheme(): Theme | undefined {
  return themeScope.getStore();
}
