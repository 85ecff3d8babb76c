import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { tabBoot } from './boot.js';
import { TabApp } from './TabApp.js';

// Loaded by boot.ts, which has already started sign-in, /api/me and the opened
// page's data and code. Often they are all here a moment after this runs: the
// first render waits that moment for them, so that it is the page itself, not
// a skeleton laid out and painted only to be replaced (docs/tab.md).
const skeletonAfterMs = 150;

void Promise.race([
  tabBoot.runtime.catch(() => undefined),
  new Promise((resolve) => setTimeout(resolve, skeletonAfterMs)),
]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <TabApp boot={tabBoot} />
    </StrictMode>,
  ),
);
