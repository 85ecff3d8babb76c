// The app registration the dev tenant holds for Reciprocal: which Graph
// permissions an admin consented to (application and delegated) and which
// access-token version Entra issues for the app's own API. Tokens carry the
// consented permissions (application ones as `roles`, delegated ones as `scp`)
// and Graph routes check them, as Microsoft 365 does. The launcher passes the
// product's documented permissions in; tests and `reciprocal doctor` change
// them through `/_admin/app-registration`.
// https://learn.microsoft.com/entra/identity-platform/reference-microsoft-graph-app-manifest (accessTokenAcceptedVersion)
// https://learn.microsoft.com/entra/identity-platform/access-tokens (null and 1 give v1.0 tokens, 2 gives v2.0)
import { z } from 'zod';

export const AppRegistration = z.object({
  applicationPermissions: z.array(z.string().min(1).max(128)).max(200),
  delegatedPermissions: z.array(z.string().min(1).max(128)).max(200),
  accessTokenAcceptedVersion: z.union([z.null(), z.literal(1), z.literal(2)]),
});
export type AppRegistration = z.infer<typeof AppRegistration>;

/**
 * What a dev tenant started without explicit permissions consents to: the
 * product's documented list (server/permissions.ts), which the launchers pass
 * in; this copy is the fallback for a dev tenant started on its own, and
 * test/unit/permissions.test.ts keeps the two equal.
 */
export const defaultAppRegistration: AppRegistration = {
  applicationPermissions: [
    'User.Read.All',
    'GroupMember.Read.All',
    'Calendars.ReadWrite',
    'MailboxSettings.Read',
    'Sites.Selected',
    'TeamsAppInstallation.ReadWriteSelfForUser.All',
    'TeamsAppInstallation.ReadWriteSelfForChat.All',
    'OnlineMeetings.Read.All',
    'OnlineMeetingArtifact.Read.All',
    'Application.Read.All',
  ],
  delegatedPermissions: ['Chat.Create', 'ChatMessage.Send', 'OnlineMeetings.Read'],
  accessTokenAcceptedVersion: null,
};

/** The one registration of a running dev tenant; changes apply to tokens issued from then on. */
export class AppRegistrationStore {
  private current: AppRegistration;

  constructor(initial: Partial<AppRegistration> = {}) {
    this.current = AppRegistration.parse({ ...defaultAppRegistration, ...initial });
  }

  get(): AppRegistration {
    return structuredClone(this.current);
  }

  set(next: AppRegistration): AppRegistration {
    this.current = AppRegistration.parse(next);
    return this.get();
  }
}
