// Finds out whether Outlook hosts the task pane. Office.js comes from
// Microsoft's CDN: the server puts it in the page's <head> when Office adds
// `_host_Info` to the URL (server/main.ts); otherwise it is loaded here when
// the page looks hosted (`_host_Info` in the window name, or a frame). A plain
// browser tab never waits for it and runs browser-hosted instead.
import type { IPublicClientApplication } from '@azure/msal-browser';
import { SignInRequired, type ClientConfig, type TokenSource } from '../client/auth.js';
import type { OfficeMailboxLike } from './meetingItem.js';

export const officeJsUrl = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export function looksOfficeHosted(win: Window = window): boolean {
  if (/[?&]_host_Info=/i.test(win.location.search) || /_host_Info|hostInfo/i.test(win.name)) return true;
  try {
    return win.parent !== win.self;
  } catch {
    return true;
  }
}

function loadScript(src: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    const timer = setTimeout(() => reject(new Error(`${src} did not load within ${timeoutMs} ms`)), timeoutMs);
    script.src = src;
    script.onload = () => {
      clearTimeout(timer);
      resolve();
    };
    script.onerror = () => {
      clearTimeout(timer);
      reject(new Error(`${src} could not be loaded`));
    };
    document.head.appendChild(script);
  });
}

export interface OutlookHost {
  mailbox: OfficeMailboxLike;
  /** Outlook's theme says the body background is dark. */
  dark: boolean;
}

/** Outlook's mailbox when Outlook hosts us; null in a plain browser or any other host. */
export async function detectOutlook(timeoutMs = 5000): Promise<OutlookHost | null> {
  if (!looksOfficeHosted()) return null;
  try {
    // The server references Office.js from <head> when Office hosts the page (a blocking script, so it has
    // loaded or failed by now); load it here only when the page has no such reference.
    if (typeof Office === 'undefined') {
      if (document.querySelector(`head script[src="${officeJsUrl}"]`)) return null;
      await loadScript(officeJsUrl, timeoutMs);
    }
    const info = await Promise.race([
      Office.onReady(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('Office.onReady timed out')), timeoutMs)),
    ]);
    if (info.host !== Office.HostType.Outlook) return null;
    const background = Office.context.officeTheme?.bodyBackgroundColor ?? '#ffffff';
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
    const dark = (r! * 299 + g! * 587 + b! * 114) / 1000 < 128;
    return { mailbox: Office.context.mailbox as unknown as OfficeMailboxLike, dark };
  } catch {
    return null;
  }
}

/** Nested app authentication through Outlook's broker (MSAL's nestable client): silent first, a popup when Entra asks for interaction. */
export async function outlookTokenSource(config: ClientConfig): Promise<TokenSource> {
  const msal = await import('@azure/msal-browser');
  const pca: IPublicClientApplication = await msal.createNestablePublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority ?? `https://login.microsoftonline.com/${config.tenantId}`,
    },
  });
  const request = { scopes: [config.apiScope] };
  return {
    kind: 'nested-app-auth',
    async getToken(fresh = false) {
      const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
      try {
        return (await pca.acquireTokenSilent({ ...request, ...(account ? { account } : {}), forceRefresh: fresh }))
          .accessToken;
      } catch (error) {
        if (!(error instanceof msal.InteractionRequiredAuthError)) throw error;
      }
      try {
        return (await pca.acquireTokenPopup(request)).accessToken;
      } catch (error) {
        throw new SignInRequired(
          `Outlook could not sign you in to Reciprocal: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
  };
}
