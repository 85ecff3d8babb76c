// Enrollment and profile: opt in, what I can teach and want to learn, pause or leave.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { Link as RouterLink } from 'react-router';
import type { Profile, ProfileInput } from '../../../core/enrollment/index.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useAction } from '../../../ui/useAction.js';
import { PageSkeleton } from '../../components/PageSkeleton.js';
import { ProfileForm } from './ProfileForm.js';
import { profileStrings as s } from './strings.js';
import { useProfile } from './useProfile.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  link: { color: tokens.colorBrandForegroundLink, marginInlineStart: tokens.spacingHorizontalS },
});

function statusText(profile: Profile | null): string {
  if (!profile) return s.notEnrolled;
  if (profile.status === 'invited') return s.invited;
  return profile.status === 'paused' ? s.statusPaused : s.statusActive;
}

/** Right after opting in: the self-assessment that is the person's starting point, on the Growth page. */
function AssessNowPrompt() {
  const styles = useStyles();
  return (
    <MessageBar intent="success" role="status">
      <MessageBarBody>
        {s.enrolledAssess}
        <RouterLink to="/tab/growth?assess=1" className={styles.link}>
          {s.enrolledAssessLink}
        </RouterLink>
      </MessageBarBody>
    </MessageBar>
  );
}

function LeaveButton({ onLeave }: { onLeave: () => Promise<void> }) {
  const action = useAction();
  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button>{s.leave}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.leaveTitle}</DialogTitle>
          <DialogContent>
            {s.leaveBody}
            {action.error !== null && <ErrorMessage error={action.error} />}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{s.cancel}</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={action.working} onClick={() => void action.run(onLeave)}>
              {s.leaveConfirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export default function ProfilePage() {
  const styles = useStyles();
  const { resource, save, setPaused, leave } = useProfile();
  const pause = useAction();
  const [left, setLeft] = useState(false);
  const [justEnrolled, setJustEnrolled] = useState(false);
  if (!resource.data)
    return resource.status === 'failed' ? (
      <ErrorMessage error={resource.error} onRetry={resource.reload} />
    ) : (
      <PageSkeleton />
    );
  const { profile } = resource.data;
  const enrolled = profile !== null && profile.status !== 'invited';
  const saveAnswers = async (input: ProfileInput) => {
    await save(input);
    if (!enrolled) setJustEnrolled(true);
  };
  return (
    <div className={styles.page}>
      <Title2 as="h1">{s.title}</Title2>
      <Text>{s.intro}</Text>
      <MessageBar intent={profile?.status === 'paused' ? 'warning' : 'info'}>
        <MessageBarBody>{left && !profile ? s.left : statusText(profile)}</MessageBarBody>
      </MessageBar>
      {justEnrolled && enrolled && <AssessNowPrompt />}
      {/* A new key after each load puts the saved answers back in the form. */}
      <ProfileForm key={profile?.updatedAt ?? 'new'} data={resource.data} onSave={saveAnswers} />
      {enrolled && (
        <div className={styles.actions}>
          <Button disabled={pause.working} onClick={() => void pause.run(() => setPaused(profile.status !== 'paused'))}>
            {profile.status === 'paused' ? s.resume : s.pause}
          </Button>
          <LeaveButton onLeave={async () => (await leave(), setLeft(true))} />
        </div>
      )}
      {pause.error !== null && <ErrorMessage error={pause.error} />}
    </div>
  );
}
