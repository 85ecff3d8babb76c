import { Link } from '@fluentui/react-components';
import { strings } from '../strings.js';

/** " · Join in Teams" after a session's time, when the meeting has a join link. */
export function JoinLink({ url }: { url: string | null | undefined }) {
  if (!url) return null;
  return (
    <>
      {' · '}
      <Link href={url} target="_blank" rel="noreferrer">
        {strings.schedule.joinLink}
      </Link>
    </>
  );
}
