export * from './aggregate.js';
export * from './csv.js';
