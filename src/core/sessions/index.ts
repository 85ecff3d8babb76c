export * from './reschedule.js';
export * from './status.js';
