// How a chart-data query fails (exceptions/chart-data.exception.ts, utils/wrap-chart-data-query-error
// and chart-data-graphql-api-exception-handler): a permission refusal becomes FORBIDDEN
// "Permission denied: …" (captured: pieChartData on person with the read-only key), unknown
// metadata NOT_FOUND, anything else INTERNAL_SERVER_ERROR "Query execution failed: <chart> data
// retrieval failed: …". The user message is the generic one, as captured.
import { GraphQLError } from 'graphql';
import { GENERIC_USER_MESSAGE, TwentyError } from '@/sandbox/graphql/errors';
import type { WorkspaceMetadata } from '@/sandbox/metadata/workspace-metadata';
import type { ChartField } from '@/sandbox/charts/types';

class ChartDataError extends TwentyError {}

const chartError = (message: string, code: 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'INTERNAL_SERVER_ERROR') =>
  new ChartDataError(message, code, { userFriendlyMessage: GENERIC_USER_MESSAGE });

export function objectOf(metadata: WorkspaceMetadata, objectMetadataId: string) {
  const object = metadata.objects.find((o) => o.id === objectMetadataId);
  if (!object) throw chartError(`Object metadata not found: ${objectMetadataId}`, 'NOT_FOUND');
  return object;
}

export function fieldOf(metadata: WorkspaceMetadata, fieldMetadataId: string): ChartField {
  const field = metadata.allFields().find((f) => f.id === fieldMetadataId);
  if (!field) throw chartError(`Field metadata not found: ${fieldMetadataId}`, 'NOT_FOUND');
  return field;
}

export function wrapChartError(error: unknown, context: string): Error {
  if (error instanceof ChartDataError) return error;
  if (error instanceof GraphQLError && error.extensions.subCode === 'PERMISSION_DENIED') return chartError(`Permission denied: ${error.message}`, 'FORBIDDEN');
  if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT' && error.message.startsWith('Invalid widget configuration')) {
    return chartError(error.message, 'BAD_USER_INPUT');
  }
  const message = error instanceof Error ? error.message : String(error);
  return chartError(`Query execution failed: ${context}: ${message}`, 'INTERNAL_SERVER_ERROR');
}
