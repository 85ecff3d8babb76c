// /v1.0 over HTTP: check the bearer token, then hand the request (or a JSON
// batch of them) to the dispatcher and write its Graph-shaped answer.
import express, { type Request, type Response, type Router } from 'express';
import { GraphError, sendGraphError } from '../graphErrors.js';
import type { Identity } from '../identity.js';
import type { Traffic } from '../traffic.js';
import { runBatch } from './batch.js';
import type { GraphCaller, GraphDispatcher, GraphResponse } from './dispatch.js';

async function callerOf(identity: Identity, req: Request): Promise<GraphCaller | GraphError> {
  try {
    return await identity.verifyGraphToken(req.get('authorization'));
  } catch (err) {
    const message =
      err instanceof Error && /empty/.test(err.message)
        ? 'Access token is empty.'
        : 'Access token validation failure. Invalid audience, issuer, signature or lifetime.';
    return new GraphError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': 'Bearer realm=""' });
  }
}

export function graphRouter(identity: Identity, dispatcher: GraphDispatcher, traffic: Traffic): Router {
  const graph = express.Router();
  graph.use(express.json({ limit: '4mb', type: ['application/json', 'application/*+json'] }));
  graph.use(async (req: Request, res: Response) => {
    const baseUrl = `${req.protocol}://${req.get('host')}/v1.0`;
    const clientRequestId = req.get('client-request-id') ?? undefined;
    const caller = await callerOf(identity, req);
    if (caller instanceof GraphError) return sendGraphError(res, caller, clientRequestId);
    const url = new URL(req.originalUrl, 'http://graph.local');
    const subPath = url.pathname.replace(/^\/v1\.0/, '') || '/';
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : (v ?? '')]),
    );
    let result: GraphResponse;
    if (subPath === '/$batch' && req.method === 'POST') {
      traffic.count('batch', false);
      try {
        await traffic.delay();
        traffic.injectFault();
        result = await runBatch(dispatcher, req.body, caller, baseUrl);
      } catch (err) {
        if (err instanceof GraphError) return sendGraphError(res, err, clientRequestId);
        throw err;
      }
    } else {
      result = await dispatcher.dispatch(
        { method: req.method, path: subPath, query: url.searchParams, headers, body: req.body, caller, baseUrl },
        false,
      );
    }
    for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
    if (result.body === undefined) return void res.status(result.status).end();
    res.status(result.status).json(result.body);
  });
  return graph;
}
