import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TabApp } from './TabApp.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TabApp />
  </StrictMode>,
);
