/**
 * Reporting: one {@link Reporter} per command run prints diagnostics, outputs, states, diff
 * pages, deliveries and notes as text, one JSON document, JSON lines or GitHub annotations.
 */
export { createReporter } from './reporter.js';
export { reporterFor, reporterOptions } from './options.js';
export type { ReporterFlags } from './options.js';
export { inert } from './lines.js';
export { outputKindOf, runEventsTo } from './run-events.js';
export type {
  DeliveryInfo, EndInfo, FailedInfo, OutputInfo, OutputKind, PageInfo, Reporter, ReporterIo, ReporterKind, ReporterOptions, StateInfo,
  TargetState, Verbosity,
} from './types.js';
