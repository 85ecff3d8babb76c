// The task pane page references Office.js from its <head> when Office hosts it
// (Office adds `_host_Info` to the page URL), and never in a plain browser tab.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeJsUrl } from '../../server/main.js';
import { startTestApp, type TestApp } from '../support/app.js';

const webRoot = mkdtempSync(path.join(os.tmpdir(), 'reciprocal-web-outlook-'));
mkdirSync(path.join(webRoot, 'src', 'outlook'), { recursive: true });
writeFileSync(
  path.join(webRoot, 'src', 'outlook', 'index.html'),
  '<!doctype html><html><head><title>pane</title></head><body><div id="root"></div></body></html>',
);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ webRoot });
}, 60_000);
afterAll(() => app?.close());

const page = async (query: string) => (await fetch(`${app.url}/outlook${query}`)).text();
const head = (html: string) => html.slice(html.indexOf('<head>'), html.indexOf('</head>'));

describe('the Outlook task pane page', () => {
  it('references Office.js inside <head>, before any body element, when Office hosts it', async () => {
    const html = await page('?_host_Info=Outlook$Win32$16.02$en-US$$$$0');
    expect(head(html)).toContain(`<script src="${officeJsUrl}" type="text/javascript"></script>`);
    expect(html.indexOf(officeJsUrl)).toBeLessThan(html.indexOf('<body>'));
  });

  it('leaves Office.js out of a plain browser tab', async () => {
    expect(await page('')).not.toContain(officeJsUrl);
    expect(await page('?x=1')).not.toContain(officeJsUrl);
  });
});
