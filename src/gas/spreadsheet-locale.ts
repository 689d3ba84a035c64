/** How the active spreadsheet reads dates: its time zone and its locale's day/month order. */
import { dateOrderForLocale, dayOfInstant, type DateReadOptions, type Day } from '../core/base/dates';

/**
 * Read-only calls that custom functions may make. Falls back to the script's zone, then UTC,
 * when no spreadsheet is at hand (a trigger, a test without one).
 */
export function spreadsheetDateOptions(spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet | null): DateReadOptions {
  let timeZone = '';
  let locale = '';
  try {
    const active = spreadsheet ?? SpreadsheetApp.getActiveSpreadsheet();
    if (active) {
      timeZone = active.getSpreadsheetTimeZone();
      locale = active.getSpreadsheetLocale();
    }
  } catch {
    // No spreadsheet in this execution: use the script's zone below.
  }
  if (!timeZone) {
    try {
      timeZone = Session.getScriptTimeZone();
    } catch {
      timeZone = 'UTC';
    }
  }
  return { timeZone: timeZone || 'UTC', dateOrder: dateOrderForLocale(locale || null) };
}

/** Today in `timeZone` (the spreadsheet's, read by the caller), by this execution's clock. */
export function todayInZone(timeZone: string): Day {
  return dayOfInstant(Date.now(), timeZone);
}

/** Today in the spreadsheet's zone, and the zone. */
export function todayIn(spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet | null): {
  today: Day;
  timeZone: string;
} {
  const timeZone = spreadsheetDateOptions(spreadsheet).timeZone;
  return { today: todayInZone(timeZone), timeZone };
}
