// Route module for the department dashboard; the dashboard's owner fills it
// (charts load only here, never in the tab's first bundle).
import { Text } from '@fluentui/react-components';
import { strings } from '../../strings.js';

export default function DashboardPage() {
  return (
    <Text as="h1" size={600} weight="semibold">
      {strings.dashboard.title}
    </Text>
  );
}
