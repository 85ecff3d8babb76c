// REST routes for this feature: thin, over the use cases in server/program/.
import type { ProgramPorts } from '../program/ports.js';
import type { RouteDeclaration } from './route.js';

export function enrollmentRoutes(_ports: ProgramPorts): RouteDeclaration[] {
  return [];
}
