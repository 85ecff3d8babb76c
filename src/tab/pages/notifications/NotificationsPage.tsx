// Which messages the bot sends me: mute each kind.
import { Title2 } from '@fluentui/react-components';

export default function NotificationsPage() {
  return <Title2 as="h1">Messages from Reciprocal</Title2>;
}
