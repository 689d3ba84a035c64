/**
 * Entry points Apps Script calls. Each exported function becomes a top-level function in
 * build/Code.js with the JSDoc written here (the build copies it, since esbuild drops comments).
 * Nothing at module top level may call a service: this file loads for every custom-function
 * cell and for onOpen in AuthMode.NONE.
 */
import { adoptionCategory, acceptanceRateOf, usesPerWeek } from './core/sheet-functions';
import { spreadsheetDateOptions } from './gas/spreadsheet-locale';

/**
 * The adoption category for a number of unprompted uses per week: "Genuine adopter" (3 or
 * more by default), "Developing user" (1 or more) or "Non-adopter". Works on a single value
 * or a range (blank cells stay blank).
 *
 * @param {number|Array<Array<number>>} uses_per_week Unprompted uses per week, or a range of them.
 * @param {number} [genuine_at] Uses per week from which a member is a Genuine adopter (default 3).
 * @param {number} [developing_at] Uses per week from which a member is a Developing user (default 1).
 * @return {string|Array<Array<string>>} The category, or a range of categories of the same shape.
 * @customfunction
 */
export function ADOPTION_CATEGORY(uses_per_week: unknown, genuine_at?: unknown, developing_at?: unknown) {
  return adoptionCategory(uses_per_week, genuine_at, developing_at);
}

/**
 * The acceptance rate of a list of outcomes: (used as-is + light edit) ÷ all outcomes, from 0
 * to 1. Blank cells are ignored. Outcomes: used as-is, light edit, heavy edit, not used.
 *
 * @param {string|Array<Array<string>>} outcomes The outcome cells of the log, e.g. D2:D.
 * @return {number} The share of outputs used as-is or with a light edit.
 * @customfunction
 */
export function ACCEPTANCE_RATE(outcomes: unknown) {
  return acceptanceRateOf(outcomes);
}

/**
 * A member's unprompted AI workflow runs per week, in the weeks × 7 days ending on as_of.
 * Names match whatever their case and spacing.
 *
 * @param {Array<Array<Date>>} dates The log's date column, e.g. A2:A.
 * @param {Array<Array<string>>} members The log's team member column, same size as dates.
 * @param {string} member The team member (name or email, as logged).
 * @param {Date} [as_of] The last day counted (default: the latest date in dates).
 * @param {number} [weeks] How many weeks to average over (default 1).
 * @param {Array<Array<boolean>>} [prompted] The log's prompted column; prompted runs are then not counted.
 * @return {number} Unprompted runs per week.
 * @customfunction
 */
export function USES_PER_WEEK(dates: unknown, members: unknown, member: unknown, as_of?: unknown, weeks?: unknown, prompted?: unknown) {
  return usesPerWeek(dates, members, member, as_of, weeks, prompted, spreadsheetDateOptions());
}

// ---- Add-on menu, sheets set-up, sidebar calls, audit sheet, log a run (issue 3) ----

// ---- Automation: daily trigger, reminders, digest (issue 4) ----
