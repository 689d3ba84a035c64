// The example team of examples/ (example.json names its files and settings), run in the in-memory
// Apps Script through the BUILT add-on as `npm start` runs it.
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../local/csv';
import { runInMemory, type RunRequest, type RunResult, type TeamTables } from '../../local/gas-run';
import type { ExampleConfig } from '../../local/cli';
import { BUILD_DIR, readBuilt, ROOT } from '../bundle/support';

export const EXAMPLES = path.join(ROOT, 'examples');

export const example = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'example.json'), 'utf8')) as ExampleConfig;

/** A CSV file of examples/ as rows of text. */
export function readExample(name: string): string[][] {
  return parseCsv(fs.readFileSync(path.join(EXAMPLES, name), 'utf8'));
}

/** The example team's tables as npm start reads them: its log, roster, interventions and usage exports. */
export function exampleTables(): TeamTables {
  const interventions = example.interventions ?? null;
  return {
    log: readExample(example.log),
    roster: readExample(example.roster),
    interventions: interventions ? readExample(interventions) : null,
    usage: (example.usage ?? []).map((source) => ({ source, rows: readExample(source) })),
    logSource: example.log,
    rosterSource: example.roster,
    interventionsSource: interventions,
  };
}

/**
 * The example team's tables audited as of the example's date in its zone and locale, then `days`
 * daily runs; `request` adds to the run (its replacement programme, say).
 */
export function runExample(days: number, request: Partial<RunRequest> = {}): RunResult {
  readBuilt('Code.js');
  return runInMemory(exampleTables(), {
    buildDir: BUILD_DIR,
    asOf: example.asOf,
    weeks: null,
    locale: example.locale,
    timeZone: example.timeZone,
    owner: example.owner,
    days,
    sidebarWeeks: [],
    nowMs: Date.now(),
    progress: () => undefined,
    ...request,
  });
}
