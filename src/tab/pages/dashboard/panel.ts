import { tokens } from '@fluentui/react-components';

/** The raised panel every figure, chart and list of the dashboard sits on (spread into makeStyles). */
export const panel = {
  backgroundColor: tokens.colorNeutralBackground1,
  borderRadius: tokens.borderRadiusLarge,
  boxShadow: tokens.shadow4,
  display: 'flex',
  flexDirection: 'column',
} as const;
