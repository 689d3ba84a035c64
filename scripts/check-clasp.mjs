// `npm run deploy` runs this first: clasp push replaces the whole Apps Script project named in
// .clasp.json, so it must name a real project and push build/. The repository tracks .clasp.json
// with "rootDir": "build" and no script id; `npm run setup` (scripts/setup.mjs) writes the id.
// Run from the project folder (npm run sets the working directory to it); exits 1 with the step
// to take, or 0 silently.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCRIPT_ID_PLACE = 'Extensions › Apps Script › Project settings › Script ID';
/** The steps that name a project: a new spreadsheet, or an existing one. */
export const SETUP_STEPS =
  'Log in once with npx clasp login, then either\n  npm run setup   (a new spreadsheet with its script)\n' +
  `or, for an existing spreadsheet,\n  npm run setup -- --script-id ID   (ID from ${SCRIPT_ID_PLACE})`;

/**
 * Script ids are letters of both cases, digits, _ and - (about 57 of them): a shorter id is a
 * slip, and one without a digit or a small letter is a placeholder such as
 * REPLACE_WITH_YOUR_SCRIPT_ID.
 * @param {string} id
 */
export const isScriptId = (id) => /^[A-Za-z0-9_-]{30,}$/.test(id) && /[a-z]/.test(id) && /[0-9]/.test(id);

/**
 * What stops `clasp push` from deploying Uptake, as a message with the step to take; null when
 * .clasp.json names a script id and pushes build/.
 * @param {string} dir the project folder
 * @returns {string | null}
 */
export function claspProblem(dir) {
  const file = path.join(dir, '.clasp.json');
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return `There is no .clasp.json, so there is no Apps Script project to push to (git checkout .clasp.json puts back the project's own). ${SETUP_STEPS}`;
  }
  let config;
  try {
    config = JSON.parse(text);
  } catch (error) {
    return `.clasp.json is not valid JSON (${error instanceof Error ? error.message : String(error)}). ${SETUP_STEPS}`;
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    return `.clasp.json must hold one JSON object with "scriptId" and "rootDir". ${SETUP_STEPS}`;
  }
  const id = typeof config.scriptId === 'string' ? config.scriptId.trim() : '';
  if (id === '') return `.clasp.json names no Apps Script project yet ("scriptId"). ${SETUP_STEPS}`;
  if (!isScriptId(id)) {
    return `The "scriptId" in .clasp.json, "${id}", is not a real script id (a placeholder?). ${SETUP_STEPS}`;
  }
  // clasp reads srcDir before rootDir; anything but build/ would push the sources or the whole
  // folder, replacing the add-on with files Apps Script cannot run.
  const contentDir = config.srcDir || config.rootDir || '.';
  if (path.normalize(String(contentDir)).replace(/[\\/]+$/, '') !== 'build') {
    return `.clasp.json pushes the folder "${contentDir}", not build/: set "rootDir": "build" (the add-on that npm run build writes), since clasp push replaces the whole Apps Script project with that folder.`;
  }
  return null;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problem = claspProblem(process.cwd());
  if (problem !== null) {
    process.stderr.write(`npm run deploy: nothing was pushed. ${problem}\n`);
    process.exitCode = 1;
  }
}
