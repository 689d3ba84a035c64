// The example team of examples/ (example.json names its files and settings), run in the in-memory
// Apps Script through the BUILT add-on as `npm start` runs it.
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../local/csv';
import { runInMemory, type RunRequest, type RunResult } from '../../local/gas-run';
import type { ExampleConfig } from '../../local/cli';
import { BUILD_DIR, readBuilt, ROOT } from '../bundle/support';

export const EXAMPLES = path.join(ROOT, 'examples');

export const example = JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'example.json'), 'utf8')) as ExampleConfig;

/** A CSV file of examples/ as rows of text. */
export function readExample(name: string): string[][] {
  return parseCsv(fs.readFileSync(path.join(EXAMPLES, name), 'utf8'));
}

/**
 * The example team's log, roster and interventions as npm start reads them, audited as of the
 * example's date in its zone and locale, then `days` daily runs; `request` adds to the run
 * (its replacement programme, say).
 */
export function runExample(days: number, request: Partial<RunRequest> = {}): RunResult {
  readBuilt('Code.js');
  const interventions = example.interventions ?? null;
  return runInMemory(
    {
      log: readExample(example.log),
      roster: readExample(example.roster),
      interventions: interventions ? readExample(interventions) : null,
      logSource: example.log,
      rosterSource: example.roster,
      interventionsSource: interventions,
    },
    {
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
    },
  );
}
