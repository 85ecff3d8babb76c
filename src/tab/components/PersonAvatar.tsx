import { Avatar } from '@fluentui/react-components';

/** Initials avatar; Fluent derives initials and a stable colour from the name. */
export function PersonAvatar({ name, size = 40 }: { name: string; size?: 24 | 32 | 40 | 48 | 56 }) {
  return <Avatar name={name} size={size} color="colorful" aria-hidden />;
}
