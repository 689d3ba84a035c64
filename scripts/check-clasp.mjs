// `npm run deploy` runs this first: clasp push replaces the whole Apps Script project named in
// .clasp.json, so it must name a real project and push build/. .clasp.json is the person's own
// file (git-ignored); the repository ships .clasp.json.example. Run from the project folder
// (npm run sets the working directory to it); exits 1 with the step to take, or 0 silently.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CREATE_STEP = 'npx clasp create-script --type sheets --title "Uptake" --rootDir build';
const SCRIPT_ID_PLACE = 'Extensions › Apps Script › Project settings › Script ID';
/** With no .clasp.json: create a spreadsheet, or name an existing one. */
const STEPS =
  `Log in once with npx clasp login, then either\n  ${CREATE_STEP}   (a new spreadsheet)\n` +
  `or, for an existing spreadsheet: cp .clasp.json.example .clasp.json and put its script id (${SCRIPT_ID_PLACE}) in "scriptId".`;
/** With a .clasp.json that names no project: clasp create-script refuses while it exists. */
const FIX_STEPS =
  `Put your spreadsheet's script id (${SCRIPT_ID_PLACE}) in "scriptId", or delete .clasp.json ` +
  `and run\n  ${CREATE_STEP}\nfor a new spreadsheet (it will not run while a .clasp.json exists).`;

/**
 * Script ids are letters of both cases, digits, _ and - (about 57 of them): a shorter id is a
 * slip, and one without a digit or a small letter is a placeholder such as the example's
 * REPLACE_WITH_YOUR_SCRIPT_ID.
 */
const isScriptId = (/** @type {string} */ id) =>
  /^[A-Za-z0-9_-]{30,}$/.test(id) && /[a-z]/.test(id) && /[0-9]/.test(id);

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
    return `There is no .clasp.json, so there is no Apps Script project to push to. ${STEPS}`;
  }
  let config;
  try {
    config = JSON.parse(text);
  } catch (error) {
    return `.clasp.json is not valid JSON (${error instanceof Error ? error.message : String(error)}). ${FIX_STEPS}`;
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    return `.clasp.json must hold one JSON object with "scriptId" and "rootDir". ${FIX_STEPS}`;
  }
  const id = typeof config.scriptId === 'string' ? config.scriptId.trim() : '';
  if (id === '') return `.clasp.json has no "scriptId". ${FIX_STEPS}`;
  if (!isScriptId(id)) {
    return `The "scriptId" in .clasp.json, "${id}", is not a real script id (a placeholder?). ${FIX_STEPS}`;
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
