/**
 * Briefing projects: where the project is (the nearest `briefkit.config.*`), what its config
 * says, and every setting resolved with its origin. Commands read settings from here.
 */
export { loadProject } from './config.js';
export type { Project, ProjectConfig, ProjectResult } from './config.js';
export { resolveSettings } from './settings.js';
export type { Origin, ResolvedSettings, Setting, SettingName, SettingsInput, SettingsResult, SettingValues } from './settings.js';
export { settingsJson, settingsText } from './show.js';
export { loadScheme, resolveScheme } from './scheme.js';
export { initProject } from './scaffold.js';
