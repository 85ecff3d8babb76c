export * from './aggregate.js';
export * from './csv.js';
export * from './period.js';
export * from './pairFigures.js';
export * from './rollup.js';
export * from './atRiskOrder.js';
