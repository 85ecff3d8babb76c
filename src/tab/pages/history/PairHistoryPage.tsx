// A pair's history: every past and upcoming session with its status, notes and action items.
import { Title2 } from '@fluentui/react-components';

export default function PairHistoryPage() {
  return <Title2 as="h1">Sessions of this pair</Title2>;
}
