// The sheet functions' help (JSDoc in the built Code.js, which Sheets shows as the formula help)
// and docs/logging-form.md stack the team's log with Uptake's own form's answers sheet: each
// stacked range must be the answers sheet's column for the same thing, as the form made in the
// in-memory Apps Script lays it out.
import fs from 'fs';
import path from 'path';
import { logRows, rosterRows } from '../support/sheets';
import { readBuilt } from '../bundle/support';
import { fakeWithBundle, sampleTeam } from '../support/fake-bundle';

const ANSWERS = 'Form Responses 1';
const LOG_HEADER = logRows([])[0] as string[];

/** The header of the answers sheet of the form "Create logging form" makes. */
function answersHeader(): string[] {
  const { runs, roster } = sampleTeam();
  const { gas, bundle } = fakeWithBundle({
    user: 'lead@example.com',
    spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows(roster) } },
  });
  bundle.createLoggingForm();
  return gas.sheetValues(ANSWERS)[0].map(String);
}

const column = (letter: string) => letter.charCodeAt(0) - 'A'.charCodeAt(0);

/** Each `{X2:X; 'Form Responses 1'!Y2:Y}` in the text: the log's column and the answers sheet's. */
function stacks(text: string): { log: string; answers: string }[] {
  return [...text.matchAll(/\{([A-Z])2:\1; 'Form Responses 1'!([A-Z])2:\2\}/g)].map((m) => ({
    log: m[1],
    answers: m[2],
  }));
}

/** What a header names, so that the log's Date and the form's Timestamp are the same thing. */
const meaning = (header: string) =>
  ({ date: 'timestamp', 'edit type': 'edit types' })[header.toLowerCase()] ?? header.toLowerCase();

function expectSameColumns(found: { log: string; answers: string }[], answers: string[]) {
  for (const { log, answers: letter } of found)
    expect([LOG_HEADER[column(log)], meaning(answers[column(letter)])]).toEqual([
      LOG_HEADER[column(log)],
      meaning(LOG_HEADER[column(log)]),
    ]);
}

describe('stacking the team’s log with the logging form’s answers', () => {
  const answers = answersHeader();

  test('the custom functions’ help stacks the same column of each sheet', () => {
    const code = readBuilt('Code.js');
    // The JSDoc right above each top-level function, as Sheets reads it.
    const help = [...code.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function (\w+)\(/g)]
      .filter((m) => ['ACCEPTANCE_RATE', 'USES_PER_WEEK'].includes(m[2]))
      .map((m) => m[1]);
    expect(help).toHaveLength(2);
    const found = help.flatMap(stacks);
    // Dates, members and outcomes.
    expect(found.map((s) => LOG_HEADER[column(s.log)]).sort()).toEqual(['Date', 'Outcome', 'Team member']);
    expectSameColumns(found, answers);
  });

  test('docs/logging-form.md stacks the same column of each sheet', () => {
    const doc = fs.readFileSync(path.join(__dirname, '../../docs/logging-form.md'), 'utf8');
    const found = stacks(doc);
    expect(found.length).toBeGreaterThanOrEqual(3);
    expectSameColumns(found, answers);
  });
});
