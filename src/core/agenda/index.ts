export * from './templates.js';
export * from './build.js';
export * from './render.js';
