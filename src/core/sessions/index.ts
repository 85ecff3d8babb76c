export * from './feedback.js';
export * from './reschedule.js';
export * from './status.js';
export * from './delivery.js';
