// The program owner edits the pair agreement every pair accepts: one text per
// part, checked here as the server checks it (each part 1-600 characters) and
// by the server's PHI guard; a refusal is shown next to the part it names.
// The template is not versioned: pairs who accepted an earlier text keep their
// acceptance (server/program/growth/agreements.ts), and the section says so.
// Unsaved changes hold back leaving: a link elsewhere in the tab asks first,
// and the browser asks before a reload or close.
import {
  Button,
  Card,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Skeleton,
  SkeletonItem,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { ApiError } from '../../../client/api.js';
import { agreementLimits, agreementSections, AgreementTemplate } from '../../../core/growth/model.js';
import { ErrorMessage } from '../../../ui/ErrorMessage.js';
import { useAction } from '../../../ui/useAction.js';
import { useResource } from '../../../ui/useResource.js';
import { useTabRuntime } from '../../host/TabRuntimeProvider.js';
import { growthStrings } from '../growth/strings.js';

type Section = (typeof agreementSections)[number];
type Problems = Partial<Record<Section, string>>;

const s = growthStrings.template;
const labels = growthStrings.agreement.sections;
const max = agreementLimits.sectionChars;
const TemplateAnswer = z.object({ template: AgreementTemplate });

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '60rem' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
});

const isSection = (x: string | undefined): x is Section => agreementSections.some((k) => k === x);

/** What the server would refuse, per part, before asking it. */
function problemsOf(draft: AgreementTemplate): Problems {
  const problems: Problems = {};
  for (const k of agreementSections) {
    const text = draft[k].trim();
    if (text === '') problems[k] = s.empty;
    else if (text.length > max) problems[k] = s.tooLong(max);
  }
  return problems;
}

/** A refusal that names one part (`body.template.<part>`), in words for the owner; null for any other failure. */
function refusalOf(error: unknown): Problems | null {
  if (!(error instanceof ApiError) || error.status >= 500) return null;
  const part = error.field?.split('.').at(-1);
  if (!isSection(part)) return null;
  const findings = (error.details as { findings?: Array<{ text?: string }> } | undefined)?.findings ?? [];
  if (error.status === 422 && findings[0]?.text) return { [part]: s.phi(findings[0].text) };
  return { [part]: error.message.replace(/^body\.template\.\w+:\s*/, '') };
}

const sameText = (a: AgreementTemplate, b: AgreementTemplate) =>
  agreementSections.every((k) => a[k].trim() === b[k].trim());

/** While `dirty`: a click on a link elsewhere in the tab waits for the owner's answer; the browser asks before unloading. */
function useLeaveGuard(dirty: boolean, area: RefObject<HTMLElement | null>) {
  const navigate = useNavigate();
  const [pending, setPending] = useState<string | null>(null);
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    const click = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || area.current?.contains(link)) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      // Capture phase on the document: before the router's own click handler sees it.
      e.preventDefault();
      e.stopPropagation();
      setPending(`${url.pathname}${url.search}${url.hash}`);
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
    };
  }, [dirty, area]);
  return {
    pending,
    stay: () => setPending(null),
    leave: () => {
      setPending(null);
      if (pending) void navigate(pending);
    },
  };
}

function LeaveDialog({ guard }: { guard: ReturnType<typeof useLeaveGuard> }) {
  return (
    <Dialog open={guard.pending !== null} onOpenChange={(_e, d) => (d.open ? undefined : guard.stay())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{s.leaveTitle}</DialogTitle>
          <DialogContent>{s.leaveBody}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={guard.stay}>
              {s.stay}
            </Button>
            <Button onClick={guard.leave}>{s.leave}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function TemplateForm({
  saved,
  onSave,
}: {
  saved: AgreementTemplate;
  onSave: (template: AgreementTemplate) => Promise<AgreementTemplate>;
}) {
  const styles = useStyles();
  const area = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(saved);
  const [problems, setProblems] = useState<Problems>({});
  const [outcome, setOutcome] = useState<'saved' | 'unchanged' | null>(null);
  const action = useAction();
  const dirty = !sameText(draft, saved);
  const guard = useLeaveGuard(dirty, area);

  const focusPart = (part: Section | undefined) =>
    part && area.current?.querySelector<HTMLTextAreaElement>(`textarea[name="${part}"]`)?.focus();
  const submit = () => {
    setOutcome(null);
    if (!dirty) return setOutcome('unchanged');
    const found = problemsOf(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return focusPart(agreementSections.find((k) => found[k]));
    void action.run(async () => {
      const trimmed = Object.fromEntries(agreementSections.map((k) => [k, draft[k].trim()])) as AgreementTemplate;
      try {
        setDraft(await onSave(trimmed));
        setOutcome('saved');
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        setProblems(refusal);
        focusPart(agreementSections.find((k) => refusal[k]));
      }
    });
  };
  const edit = (part: Section, text: string) => {
    setOutcome(null);
    setProblems((p) => ({ ...p, [part]: undefined }));
    setDraft((d) => ({ ...d, [part]: text }));
  };

  return (
    <form ref={area} className={styles.section} onSubmit={(e) => (e.preventDefault(), submit())} noValidate>
      {agreementSections.map((part) => (
        <Field
          key={part}
          label={labels[part]}
          hint={s.hint(draft[part].trim().length, max)}
          validationState={problems[part] ? 'error' : 'none'}
          validationMessage={problems[part]}
        >
          <Textarea
            name={part}
            value={draft[part]}
            resize="vertical"
            rows={3}
            onChange={(_e, d) => edit(part, d.value)}
          />
        </Field>
      ))}
      {Object.values(problems).some(Boolean) ? (
        <MessageBar intent="error">
          <MessageBarBody>{s.fixFields}</MessageBarBody>
        </MessageBar>
      ) : null}
      {action.error !== null && <ErrorMessage error={action.error} />}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={action.working}>
          {action.working ? s.saving : s.save}
        </Button>
        {dirty ? (
          <Button type="button" onClick={() => (setDraft(saved), setProblems({}), setOutcome(null))}>
            {s.discard}
          </Button>
        ) : null}
        <Text role="status" aria-live="polite">
          {outcome === 'saved' ? s.saved : outcome === 'unchanged' ? s.unchanged : dirty ? s.unsaved : ''}
        </Text>
      </div>
      <LeaveDialog guard={guard} />
    </form>
  );
}

/** The agreement template editor for the program owner (the admin page shows it only to them; the API refuses others). */
export function AgreementTemplateSection() {
  const { api } = useTabRuntime();
  const template = useResource(() => api.json(TemplateAnswer, 'GET', '/api/program/agreement-template'), [api]);
  const { set } = template;
  const save = async (next: AgreementTemplate) => {
    const answer = await api.json(TemplateAnswer, 'PUT', '/api/program/agreement-template', {
      body: { template: next },
    });
    set(answer);
    return answer.template;
  };
  return (
    <Card role="region" aria-labelledby="agreement-template-heading">
      <Text as="h2" id="agreement-template-heading" size={500} weight="semibold" style={{ margin: 0 }}>
        {s.heading}
      </Text>
      <Text block>{s.explain}</Text>
      <Text block>{s.versions}</Text>
      {template.data ? (
        <TemplateForm saved={template.data.template} onSave={save} />
      ) : template.status === 'failed' ? (
        <ErrorMessage error={template.error} onRetry={template.reload} />
      ) : (
        <Skeleton aria-label={s.heading}>
          <SkeletonItem size={96} />
        </Skeleton>
      )}
    </Card>
  );
}
