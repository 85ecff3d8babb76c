import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPageCode } from './routes.js';
import { TabApp } from './TabApp.js';

// The opened page's code needs no sign-in: fetch it while the shell boots.
startPageCode(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TabApp />
  </StrictMode>,
);
