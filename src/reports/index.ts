export * from './access.js';
export * from './capacity.js';
export * from './timeline.js';
export * from './upcoming.js';
export * from './weeks.js';
