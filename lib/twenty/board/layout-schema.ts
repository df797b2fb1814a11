import { z } from 'zod';

// The DASHBOARD page layouts as Twenty 2.21's /metadata answers them (real-2.21/views-dashboards/
// q3-getPageLayouts-DASHBOARD-readonly-key.json): layouts → tabs → widgets, each widget's
// configuration one of 22 union members. Only the chart members are read field by field; the
// configuration travels back to Twenty's chart-data queries as Twenty gave it.

const CONFIG_FIELDS = {
  bar: `configurationType aggregateFieldMetadataId aggregateOperation primaryAxisGroupByFieldMetadataId primaryAxisGroupBySubFieldName primaryAxisDateGranularity primaryAxisOrderBy primaryAxisManualSortOrder secondaryAxisGroupByFieldMetadataId secondaryAxisGroupBySubFieldName secondaryAxisGroupByDateGranularity secondaryAxisOrderBy secondaryAxisManualSortOrder omitNullValues splitMultiValueFields axisNameDisplay displayDataLabel displayLegend rangeMin rangeMax description color filter groupMode layout isCumulative timezone firstDayOfTheWeek`,
  line: `configurationType aggregateFieldMetadataId aggregateOperation primaryAxisGroupByFieldMetadataId primaryAxisGroupBySubFieldName primaryAxisDateGranularity primaryAxisOrderBy primaryAxisManualSortOrder secondaryAxisGroupByFieldMetadataId secondaryAxisGroupBySubFieldName secondaryAxisGroupByDateGranularity secondaryAxisOrderBy secondaryAxisManualSortOrder omitNullValues splitMultiValueFields axisNameDisplay displayDataLabel displayLegend rangeMin rangeMax description color filter isStacked isCumulative timezone firstDayOfTheWeek`,
  pie: `configurationType aggregateFieldMetadataId aggregateOperation groupByFieldMetadataId groupBySubFieldName dateGranularity orderBy manualSortOrder displayDataLabel showCenterMetric displayLegend hideEmptyCategory splitMultiValueFields description color filter timezone firstDayOfTheWeek`,
  aggregate: `configurationType aggregateFieldMetadataId aggregateOperation label displayDataLabel numberFormat description filter timezone firstDayOfTheWeek prefix suffix ratioAggregateConfig { fieldMetadataId optionValue }`,
};

export const DASHBOARD_LAYOUTS = `query DashboardLayouts {
  getPageLayouts(pageLayoutType: DASHBOARD) {
    id name deletedAt
    tabs {
      id title position deletedAt
      widgets {
        id title type objectMetadataId deletedAt
        gridPosition { row column rowSpan columnSpan }
        configuration {
          __typename
          ... on BarChartConfiguration { ${CONFIG_FIELDS.bar} }
          ... on LineChartConfiguration { ${CONFIG_FIELDS.line} }
          ... on PieChartConfiguration { ${CONFIG_FIELDS.pie} }
          ... on AggregateChartConfiguration { ${CONFIG_FIELDS.aggregate} }
        }
      }
    }
  }
}`;

const gridSchema = z.object({ row: z.number().int(), column: z.number().int(), rowSpan: z.number().int(), columnSpan: z.number().int() });

/** A configuration as Twenty sent it: `configurationType` plus the member's own keys. */
export const configurationSchema = z.looseObject({ __typename: z.string().optional(), configurationType: z.string().optional() });
export type WidgetConfiguration = z.infer<typeof configurationSchema>;

const widgetSchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.string(),
  objectMetadataId: z.string().nullable(),
  deletedAt: z.string().nullish(),
  gridPosition: gridSchema.nullable(),
  configuration: configurationSchema.nullable(),
});
const tabSchema = z.object({ id: z.string(), title: z.string(), position: z.number(), deletedAt: z.string().nullish(), widgets: z.array(widgetSchema).nullable() });
const layoutSchema = z.object({ id: z.string(), name: z.string(), deletedAt: z.string().nullish(), tabs: z.array(tabSchema).nullable() });

export const dashboardLayoutsSchema = z.object({ getPageLayouts: z.array(layoutSchema) });

export type LayoutWidget = z.infer<typeof widgetSchema>;
export type LayoutTab = z.infer<typeof tabSchema>;
export type DashboardLayout = z.infer<typeof layoutSchema>;
