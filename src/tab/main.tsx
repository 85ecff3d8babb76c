import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { tabBoot } from './boot.js';
import { TabApp } from './TabApp.js';

// Loaded by boot.ts, which has already started sign-in, /api/me and the opened
// page's data and code: React renders once they are under way.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TabApp boot={tabBoot} />
  </StrictMode>,
);
