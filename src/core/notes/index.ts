export * from './phi.js';
export * from './model.js';
export * from './review.js';
