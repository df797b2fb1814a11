// The real Twenty 2.21's dashboard layouts and chart-data answers (real-2.21/views-dashboards/q3-*),
// as the board code receives them.
import { join } from 'node:path';
import { dashboardLayoutsSchema, type DashboardLayout } from '@/lib/twenty/board/layout-schema';
import { readJson, REAL_221 } from '@/tests/unit/sandbox/conformance/captures';

type Captured = { request: { body: { variables: Record<string, unknown> } }; response: { body: { data: Record<string, unknown> } } };

export const read = (file: string) => readJson(join(REAL_221, 'views-dashboards', file)) as Captured;

export function capturedLayouts(): DashboardLayout[] {
  return dashboardLayoutsSchema.parse(read('q3-getPageLayouts-DASHBOARD-readonly-key.json').response.body.data).getPageLayouts;
}

/** The widget configuration a captured chart-data request sent. */
export function sentConfiguration(file: string): Record<string, unknown> {
  const input = read(file).request.body.variables.i as { configuration: Record<string, unknown> };
  return input.configuration;
}

export const OPPORTUNITY_OBJECT = '07152cd2-888d-452b-8699-4d3a73044824';
