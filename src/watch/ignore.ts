/**
 * Editors' temporary files: written next to the file being saved and gone a moment later.
 * Reporting them would rebuild twice per save (once for the temporary file, once for the
 * rename), or rebuild for a save that has not happened yet.
 */
const PATTERNS: readonly RegExp[] = [
  /^\..*\.sw[a-px]$/, // vim swap files (.swp, .swo, ...; .swx when probing)
  /~$/, // vim and emacs backups
  /^\.#/, // emacs lock files
  /^#.*#$/, // emacs auto-saves
  /^4913$/, // vim's "can I write here" probe
  /___jb_(tmp|old|bak)___$/, // JetBrains safe write
  /\.tmp$/i, // our own atomic writes and many tools'
  /^\.goutputstream-/, // GTK editors
  /^sed[A-Za-z0-9]{6}$/, // `sed -i`'s temporary file
];

/** True for a file name (no folder) an editor writes while saving. */
export function isEditorTemp(name: string): boolean {
  return PATTERNS.some((p) => p.test(name));
}
