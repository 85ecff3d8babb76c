export * from './templates.js';
export * from './build.js';
export * from './render.js';
export * from './focusAreas.js';
export * from './parseText.js';
