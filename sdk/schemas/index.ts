export * from './common.js';
export * from './portal-auth.js';
export * from './portal-profile.js';
export * from './invoices.js';
export * from './endpoints.js';
