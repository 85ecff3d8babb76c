// Enrollment and profile: opt in, what I can teach and want to learn, pause or leave.
import { Title2 } from '@fluentui/react-components';

export default function ProfilePage() {
  return <Title2 as="h1">My profile</Title2>;
}
