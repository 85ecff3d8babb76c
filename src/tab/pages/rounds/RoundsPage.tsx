// Pairing rounds (program owner): propose, lock, swap, drop, re-run, publish.
import { Title2 } from '@fluentui/react-components';

export default function RoundsPage() {
  return <Title2 as="h1">Pairing rounds</Title2>;
}
