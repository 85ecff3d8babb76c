// The tab's first script (index.html): small, no React and no Fluent, so that
// sign-in, /api/me and the opened page's data start as soon as it arrives
// rather than after the whole shell has been fetched, compiled and run. The app
// itself (main.tsx: React, Fluent, the shell) is preloaded by the HTML and
// renders when it is there (docs/tab.md, "Time to usable").
import { bootTab } from './host/startTab.js';
import { shellStrings } from './shellStrings.js';

export const tabBoot = bootTab();

// In the next task: running the shell (React, Fluent) takes a while, and the requests bootTab
// started go out first (their last steps are microtasks, which an import already downloaded
// may otherwise be evaluated ahead of).
setTimeout(() => {
  import('./main.js').catch(() => {
    // The shell's own chunk could not be fetched (offline, a deploy replaced it): say so rather than stay blank.
    const root = document.getElementById('root');
    if (root) root.textContent = shellStrings.pageLoadFailed;
  });
}, 0);
