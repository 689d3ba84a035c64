/**
 * Which zone a custom function's Date arguments were read in. Apps Script does not document how
 * a date cell reaches a custom function when the spreadsheet's and the script's zones differ:
 * as the instant of its wall-clock time in the spreadsheet's zone (as getValues gives it), or in
 * the script's. A Date alone cannot say which, but a date cell without a time (what Log a run
 * and the set-up write, and what TODAY() gives) is midnight in the zone it was read in.
 */
import { isDate } from '../base/text';
import { wallClockInstant, zoneOffsetMinutes } from '../base/dates';

/** 'sheet': read in the spreadsheet's zone (or it makes no difference); 'script': in the script's. */
export type ArgumentZone = 'sheet' | 'script' | 'unknown';

const MS_PER_DAY = 86_400_000;
/** Votes that decide before the end of a range: a long log is settled by its first dates. */
const EARLY_VOTES = 16;
/** A clear majority: the winner has more than half of the Dates, and 4 times the loser's votes. */
const MARGIN = 4;

/** Calls `visit` with each valid Date's instant in the arguments (ranges are arrays), until it returns false. */
function eachInstant(args: readonly unknown[], visit: (ms: number) => boolean): void {
  const walk = (value: unknown): boolean => {
    if (Array.isArray(value)) {
      for (const item of value) if (!walk(item)) return false;
      return true;
    }
    if (!isDate(value)) return true;
    const ms = value.getTime();
    return Number.isNaN(ms) || visit(ms);
  };
  walk(args);
}

function isMidnight(ms: number, offsetMinutes: number): boolean {
  return (ms + offsetMinutes * 60_000) % MS_PER_DAY === 0;
}

function clear(winner: number, loser: number, dates: number, final: boolean): boolean {
  return winner > dates / 2 && loser * MARGIN <= winner && (final || winner >= EARLY_VOTES);
}

/**
 * The zone the Date arguments were read in, from the Dates alone: by a vote of the Dates that are
 * exactly midnight in one zone and not the other. `scriptZone` is asked only when the sheet's
 * zone alone cannot decide, so the usual case (date cells without times, read in the sheet's
 * zone) costs no service call.
 */
export function inferArgumentZone(args: readonly unknown[], sheetZone: string, scriptZone: () => string): ArgumentZone {
  // First the sheet's zone alone. A Date at midnight there is a vote for it unless it is midnight
  // in the script's zone too: only when the two offsets are equal (then either reading gives the
  // same days) or a whole day apart (UTC+14 and UTC-10; the manifest's UTC never is). Every
  // other Date is at most a vote for the script's zone, so a clear win here is a clear win. It
  // stops at as many Dates that are not midnight here as would decide a vote: the script's zone
  // is needed then anyway.
  let dates = 0;
  let sheetMidnights = 0;
  let decided = false;
  let complete = true;
  eachInstant(args, (ms) => {
    dates++;
    if (isMidnight(ms, zoneOffsetMinutes(ms, sheetZone))) sheetMidnights++;
    decided = clear(sheetMidnights, dates - sheetMidnights, dates, false);
    complete = dates - sheetMidnights < EARLY_VOTES;
    return !decided && complete;
  });
  if (decided || dates === 0 || (complete && clear(sheetMidnights, dates - sheetMidnights, dates, true)))
    return 'sheet';

  const script = scriptZone();
  let seen = 0;
  let sheetVotes = 0;
  let scriptVotes = 0;
  let sameOffsets = true;
  let verdict: ArgumentZone = 'unknown';
  eachInstant(args, (ms) => {
    seen++;
    const sheetOffset = zoneOffsetMinutes(ms, sheetZone);
    const scriptOffset = zoneOffsetMinutes(ms, script);
    if (sheetOffset !== scriptOffset) sameOffsets = false;
    const atSheetMidnight = isMidnight(ms, sheetOffset);
    const atScriptMidnight = isMidnight(ms, scriptOffset);
    if (atSheetMidnight && !atScriptMidnight) sheetVotes++;
    if (atScriptMidnight && !atSheetMidnight) scriptVotes++;
    if (clear(sheetVotes, scriptVotes, seen, false)) verdict = 'sheet';
    else if (clear(scriptVotes, sheetVotes, seen, false)) verdict = 'script';
    return verdict === 'unknown';
  });
  if (verdict !== 'unknown') return verdict;
  // Equal offsets at every instant: both readings give the same Dates.
  if (sameOffsets || clear(sheetVotes, scriptVotes, seen, true)) return 'sheet';
  if (clear(scriptVotes, sheetVotes, seen, true)) return 'script';
  return 'unknown';
}

/** The instant of `ms`'s wall-clock time in `from`, made again in `to`. */
function reread(ms: number, from: string, to: string): number {
  return wallClockInstant(ms + zoneOffsetMinutes(ms, from) * 60_000, to);
}

/**
 * The zone the arguments were read in, from date cells whose instants are known (`known`: the
 * log's first dates, as getValues gives them, in the sheet's zone): whether the arguments hold
 * those instants as they are, or re-read in the script's zone. null when they hold neither (the
 * dates come from elsewhere) or as many of each.
 */
export function calibrateArgumentZone(
  args: readonly unknown[],
  known: readonly Date[],
  sheetZone: string,
  scriptZone: string,
): 'sheet' | 'script' | null {
  const asRead = new Set<number>();
  const reRead = new Set<number>();
  for (const date of known) {
    const ms = date.getTime();
    const other = reread(ms, sheetZone, scriptZone);
    // Where both zones have the same offset, the two readings are the same instant: no evidence.
    if (Number.isNaN(ms) || other === ms) continue;
    asRead.add(ms);
    reRead.add(other);
  }
  let sheetHits = 0;
  let scriptHits = 0;
  eachInstant(args, (ms) => {
    if (asRead.has(ms) && !reRead.has(ms)) sheetHits++;
    if (reRead.has(ms) && !asRead.has(ms)) scriptHits++;
    return true;
  });
  if (sheetHits > scriptHits) return 'sheet';
  if (scriptHits > sheetHits) return 'script';
  return null;
}

/**
 * The arguments with each Date read in the script's zone turned into the Date the sheet holds:
 * its wall-clock time in the script's zone, as an instant in the sheet's. Other values, and the
 * shape of ranges, are kept.
 */
export function argumentsInSheetZone(args: readonly unknown[], sheetZone: string, scriptZone: string): unknown[] {
  const convert = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(convert);
    if (!isDate(value) || Number.isNaN(value.getTime())) return value;
    return new Date(reread(value.getTime(), scriptZone, sheetZone));
  };
  return args.map(convert);
}
