export * from './profile.js';
export * from './rounds.js';
export * from './csv.js';
export * from './proposal.js';
export * from './matchingProfile.js';
