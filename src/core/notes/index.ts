export * from './phi.js';
export * from './model.js';
