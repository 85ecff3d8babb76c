// The chart components the dashboard draws, in a chunk of their own (Fluent's
// charts and d3: about 300 kB before gzip): lazyCharts.ts loads it once the
// page's figures are on screen.
export { DonutChart, GroupedVerticalBarChart, VerticalBarChart } from '@fluentui/react-charts';
