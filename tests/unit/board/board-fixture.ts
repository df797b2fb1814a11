import { sampleSnapshot } from '@/sandbox/sample-snapshot';
import type { PublishedBoard, PublishedWidget } from '@/lib/pipeline/board-types';
import type { Snapshot } from '@/lib/pipeline/types';

// A published Twenty dashboard's snapshot as lib/pipeline/board.ts shapes it: empty pipeline
// fields, two tabs, one widget of each kind and each state. Figures as Twenty's chart data gives
// them (the stage bar in option order, owners grouped by first name).

export const board: PublishedBoard = {
  id: 'layout-1',
  name: 'Sales Dashboard',
  tabs: [
    { id: 'tab-a', title: 'Overview', position: 0 },
    { id: 'tab-b', title: 'Details', position: 1 },
  ],
};

const grid = (row: number, column: number, rowSpan: number, columnSpan: number) => ({ row, column, rowSpan, columnSpan });

export const widgets: PublishedWidget[] = [
  {
    id: 'w-stage',
    title: 'Amount by stage',
    kind: 'bar',
    tab: 1,
    grid: grid(2, 0, 6, 6),
    state: 'ok',
    amount: true,
    display: { layout: 'vertical', color: 'blue' },
    points: [
      { label: 'New', value: 0 },
      { label: 'Screening', value: 1250000.5 },
      { label: 'Proposal', value: 17400000 },
      { label: 'Customer', value: 3600000 },
    ],
  },
  {
    id: 'w-owner',
    title: 'Opportunities by Owner',
    kind: 'bar',
    tab: 1,
    grid: grid(2, 6, 6, 6),
    state: 'ok',
    hasTooManyGroups: true,
    display: { layout: 'horizontal', groupMode: 'stacked', color: 'blue' },
    points: [
      { label: 'Not Set', value: 310, series: 'Open' },
      { label: 'Tim', value: 150, series: 'Open' },
      { label: 'Tim', value: 12, series: 'Won' },
    ],
  },
  { id: 'w-deals', title: 'Deals', kind: 'number', tab: 1, grid: grid(0, 0, 2, 3), state: 'ok', display: { numberFormat: 'short', prefix: '~', suffix: ' deals' }, points: [{ label: 'Deals', value: 1234567 }] },
  { id: 'w-people', title: 'People by city', kind: 'pie', tab: 1, grid: grid(0, 3, 2, 3), state: 'not_shared' },
  {
    id: 'w-close',
    title: 'Amount by close month',
    kind: 'line',
    tab: 2,
    grid: grid(0, 0, 6, 12),
    state: 'ok',
    amount: true,
    points: [
      { label: 'Jan 2026', value: 100 },
      { label: 'Feb 2026', value: 250 },
    ],
  },
  {
    id: 'w-pie',
    title: 'Deals by stage',
    kind: 'pie',
    tab: 2,
    grid: grid(6, 0, 6, 6),
    state: 'ok',
    display: { showCenterMetric: true },
    points: [
      { label: 'Proposal', value: 3 },
      { label: 'New', value: 5 },
    ],
  },
  { id: 'w-broken', title: 'Broken', kind: 'bar', tab: 2, grid: grid(6, 6, 6, 6), state: 'unavailable' },
];

export const boardSnapshot: Snapshot = {
  ...sampleSnapshot,
  stages: [],
  timeline: [],
  topDeals: [],
  fields: [],
  owners: undefined,
  created: undefined,
  funnel: undefined,
  ticker: undefined,
  board,
  widgets,
};
