// Growth: the pair's agreement, my goals and my self-assessment.
import { Title2 } from '@fluentui/react-components';

export default function GrowthPage() {
  return <Title2 as="h1">Growth</Title2>;
}
