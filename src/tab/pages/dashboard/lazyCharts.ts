// The dashboard's charts, loaded after its figures: a deep link to the
// dashboard does not wait for the charts package to download, parse and run
// (docs/tab.md, "Time to usable"). Until a chart is there, ChartOrTable shows
// its table, which carries the same figures.
import { lazy } from 'react';

const charts = () => import('./charts.js');

export const DonutChart = lazy(() => charts().then((m) => ({ default: m.DonutChart })));
export const VerticalBarChart = lazy(() => charts().then((m) => ({ default: m.VerticalBarChart })));
export const GroupedVerticalBarChart = lazy(() => charts().then((m) => ({ default: m.GroupedVerticalBarChart })));
