import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OutlookApp } from './OutlookApp.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OutlookApp />
  </StrictMode>,
);
