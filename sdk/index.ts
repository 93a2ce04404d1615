export { PortalClient } from './portal-client.js';
export { AdminClient } from './admin-client.js';
export { PlatformClient } from './platform-client.js';
export { StaffLinkClient } from './staff-link-client.js';
export { ListPromise } from './pagination.js';
export type { ClientOptions, IdempotentOptions, UploadBody } from './transport.js';
export * from './errors.js';
export type * from './schemas/index.js';
export {
  widgetHead,
  importMapText,
  type WidgetManifest,
  type WidgetEntry,
  type WidgetImportMap,
} from './widget-manifest.js';
