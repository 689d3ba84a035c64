/**
 * The zone and hour the daily trigger is created in. `ClockTriggerBuilder.inTimezone` takes a
 * time-zone database id and "an invalid timezone string causes the script to throw" ("Class
 * ClockTriggerBuilder", https://developers.google.com/apps-script/reference/script/clock-trigger-builder),
 * but a spreadsheet's time zone may be one of Java's custom ids ("GMT-03:00", "GMT+0530") that
 * Sheets offers in File › Settings. A whole-hour offset has its database id, `Etc/GMT±h`, whose
 * sign is inverted ("Etc/GMT+3" is three hours behind UTC); the database has them from
 * Etc/GMT-14 to Etc/GMT+12. Any other offset has none, so the trigger goes in the script's zone,
 * at the hour converted (the first whole hour in the script's zone at or after the digest hour in
 * the spreadsheet's, so that the run never starts on the day before).
 */
import { fixedZoneOffset, zoneOffsetMinutes } from '../base/dates';

export interface TriggerZone {
  /** What `inTimezone` is given: a time-zone database id. */
  timeZone: string;
  /** What `atHour` is given, 0-23, in `timeZone`. */
  hour: number;
  /** Null when the trigger runs at the digest hour in the spreadsheet's zone; else why not and when it runs. */
  note: string | null;
}

/** The UTC ids that are the database's own, among the ones fixedZoneOffset reads. */
const DATABASE_UTC_IDS = new Set(['Etc/UTC', 'Etc/GMT', 'UTC', 'GMT']);
const ETC_GMT_EAST_LIMIT_HOURS = 14;
const ETC_GMT_WEST_LIMIT_HOURS = 12;

const isDatabaseZone = (zone: string) => fixedZoneOffset(zone) === null || DATABASE_UTC_IDS.has(zone);

const hh = (hour: number, minute = 0) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/**
 * @param spreadsheetZone the spreadsheet's time zone (an IANA name or a custom `GMT±hh:mm` id)
 * @param digestHour the Settings hour, 0-23, in the spreadsheet's zone
 * @param scriptZone the script's time zone (Session.getScriptTimeZone(), an IANA name)
 * @param now the instant the conversion is made for (the script's zone may keep summer time)
 */
export function triggerZone(spreadsheetZone: string, digestHour: number, scriptZone: string, now: number): TriggerZone {
  const offset = fixedZoneOffset(spreadsheetZone);
  if (offset === null || DATABASE_UTC_IDS.has(spreadsheetZone)) {
    return { timeZone: spreadsheetZone, hour: digestHour, note: null };
  }
  if (offset === 0) return { timeZone: 'Etc/GMT', hour: digestHour, note: null };
  const hours = offset / 60;
  if (Number.isInteger(hours) && hours <= ETC_GMT_EAST_LIMIT_HOURS && hours >= -ETC_GMT_WEST_LIMIT_HOURS) {
    return { timeZone: `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`, hour: digestHour, note: null };
  }
  // A script's zone is a database id in its manifest; should it be an offset too, UTC stands in.
  const zone = isDatabaseZone(scriptZone) ? scriptZone : 'Etc/UTC';
  const scriptOffset = zoneOffsetMinutes(now, zone);
  // Minutes after midnight in the script's zone when the spreadsheet's clock shows digestHour:00.
  const inScript = (((digestHour * 60 - offset + scriptOffset) % 1440) + 1440) % 1440;
  const hour = Math.ceil(inScript / 60) % 24;
  const local = (((hour * 60 + offset - scriptOffset) % 1440) + 1440) % 1440;
  return {
    timeZone: zone,
    hour,
    note:
      `Apps Script schedules runs only in named time zones, and the spreadsheet's zone ${spreadsheetZone} is an ` +
      `offset that has none: the daily run is scheduled at ${hh(hour)} in the script's zone (${zone}), ` +
      `which is ${hh(Math.floor(local / 60), local % 60)} in the spreadsheet's zone, not ${hh(digestHour)}. ` +
      `To run at ${hh(digestHour)}, choose a named zone in File › Settings › Time zone, then turn automation off and on.`,
  };
}
