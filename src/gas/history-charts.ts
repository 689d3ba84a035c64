/** The history's two native line charts on the "Adoption audit" sheet, beside its tables (rules §13). */
import { COHORTS_CHARTED, TREND_CHART_COLUMNS } from '../core/history/tables';
import { chartColumn, type AuditSheetLayout } from '../core/audit/sheet-layout';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function insertHistoryCharts(sheet: Sheet, layout: AuditSheetLayout): void {
  const column = chartColumn(layout);
  const trend = layout.tables.trend;
  const cohorts = layout.tables.cohorts;
  if (!trend || !cohorts) return;
  const rows = trend.dataRows + 1;
  // Adoption rate and training completion over the weeks: the gap between the two lines is the point.
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange(trend.headerRow, TREND_CHART_COLUMNS.week, rows, 1))
      .addRange(sheet.getRange(trend.headerRow, TREND_CHART_COLUMNS.rates, rows, TREND_CHART_COLUMNS.count))
      .setNumHeaders(1)
      .setOption('title', 'Adoption rate and training completion by week')
      .setOption('vAxis', { format: 'percent', minValue: 0, maxValue: 1 })
      .setPosition(trend.headerRow, column, 0, 0)
      .build(),
  );
  // All cohorts, the target band's two edges and the latest cohorts, by week since training.
  const series = Math.min(cohorts.columns, 4 + COHORTS_CHARTED);
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange(cohorts.headerRow, 1, cohorts.dataRows + 1, series))
      .setNumHeaders(1)
      .setOption('title', 'Share of Genuine adopters by week since training, against the 70–80% target')
      .setOption('vAxis', { format: 'percent', minValue: 0, maxValue: 1 })
      .setOption('series', { 1: { lineDashStyle: [4, 4] }, 2: { lineDashStyle: [4, 4] } })
      .setPosition(cohorts.headerRow, column, 0, 0)
      .build(),
  );
}
