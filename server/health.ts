// Liveness for the platform's health check, and how the server stops.
import type { Server } from 'node:http';
import type express from 'express';
import type { AppServices } from './api/index.js';

export interface Health {
  /** Stops taking requests and closes the server. */
  drain(server: Server): Promise<void>;
}

export function mountHealth(app: express.Express, _services: AppServices): Health {
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  return {
    drain: async (server) => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
