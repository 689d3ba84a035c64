// `npm run setup`: names the Apps Script project `npm run deploy` pushes to, in the tracked
// .clasp.json (which ships with "rootDir": "build" and no script id).
//   npm run setup                          a new spreadsheet with its bound script, made by clasp
//   npm run setup -- --title "Team log"    the same, named "Team log" (the menu is named after it)
//   npm run setup -- --script-id ID        an existing spreadsheet's script (Extensions › Apps
//                                          Script › Project settings › Script ID)
// The new spreadsheet is made by `clasp create-script --type sheets`, run in an empty folder of
// its own: clasp writes its own .clasp.json there and pulls the new project's files into it, and
// this copies only the script id into the project's .clasp.json. Exits 1 with what to do when
// something stops it; 2 for a wrong flag.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isScriptId, SCRIPT_ID_PLACE } from './check-clasp.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_TITLE = 'Uptake';

class SetupError extends Error {
  /** @param {string} message @param {number} [code] */
  constructor(message, code = 1) {
    super(message);
    this.code = code;
  }
}

/**
 * The project file as it is: the tracked one has "rootDir": "build" and no script id.
 * @param {string} file
 * @returns {Record<string, unknown>}
 */
function readProjectFile(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { rootDir: 'build' };
  }
  try {
    const config = JSON.parse(text);
    if (typeof config === 'object' && config !== null && !Array.isArray(config)) return config;
  } catch {
    // Reported below.
  }
  throw new SetupError(
    `.clasp.json is not one JSON object. Put back the project's own (git checkout .clasp.json), then run npm run setup again.`,
  );
}

/**
 * A script id from what a person pastes: the id, or the script editor's address. A spreadsheet's
 * address is not a script's: a bound script's id is shown only in its project settings.
 * @param {string} text
 * @returns {string}
 */
export function scriptIdFrom(text) {
  const trimmed = text.trim();
  if (/docs\.google\.com\/spreadsheets\//.test(trimmed)) {
    throw new SetupError(
      `That is the spreadsheet's address, not its script's. Open the spreadsheet, choose ${SCRIPT_ID_PLACE}, and give that id (no Apps Script project yet? Extensions › Apps Script makes one).`,
      2,
    );
  }
  const id = /script\.google\.com\/(?:home\/projects|d)\/([^/?#]+)/.exec(trimmed)?.[1] ?? trimmed;
  if (!isScriptId(id)) {
    throw new SetupError(
      `"${trimmed}" is not a script id: copy it from ${SCRIPT_ID_PLACE} (about 57 letters, digits, - and _).`,
      2,
    );
  }
  return id;
}

/**
 * Runs `clasp create-script --type sheets` in a folder of its own and returns the new script's
 * id. clasp is found on PATH first (npm run puts the project's own there), then in node_modules.
 * @param {string} title
 * @returns {{ scriptId: string, parentId: string | null }}
 */
function createSpreadsheet(title) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uptake-setup-'));
  try {
    const env = {
      ...process.env,
      PATH: [process.env.PATH, path.join(ROOT, 'node_modules', '.bin')].join(path.delimiter),
    };
    const run = spawnSync(
      'clasp',
      ['create-script', '--type', 'sheets', '--title', title, '--rootDir', 'build', '--json'],
      {
        cwd: work,
        env,
        encoding: 'utf8',
        stdio: ['inherit', 'pipe', 'pipe'],
        shell: process.platform === 'win32',
      },
    );
    if (run.error) throw new SetupError(`clasp could not be started (${run.error.message}): run npm ci first.`);
    if (run.status !== 0) {
      throw new SetupError(
        `clasp create-script failed, so nothing was created or changed here:\n${(run.stderr || run.stdout).trim()}\n` +
          'If it says you are not logged in: npx clasp login. If it mentions the Apps Script API: turn it on at https://script.google.com/home/usersettings.',
      );
    }
    const json = run.stdout.slice(run.stdout.indexOf('{'), run.stdout.lastIndexOf('}') + 1);
    let result;
    try {
      result = JSON.parse(json);
    } catch {
      throw new SetupError(`clasp create-script printed no script id:\n${run.stdout.trim()}`);
    }
    if (typeof result?.scriptId !== 'string' || !isScriptId(result.scriptId)) {
      throw new SetupError(`clasp create-script printed no script id:\n${run.stdout.trim()}`);
    }
    return { scriptId: result.scriptId, parentId: typeof result.parentId === 'string' ? result.parentId : null };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * @param {string[]} argv the arguments after `npm run setup --`
 * @param {string} dir the project folder
 * @returns {string} what was done, for the terminal
 */
export function setup(argv, dir) {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'script-id': { type: 'string' }, title: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new SetupError(
      `${error instanceof Error ? error.message : String(error)}\nUsage: npm run setup [-- --title NAME | --script-id ID]`,
      2,
    );
  }
  if (values['script-id'] !== undefined && values.title !== undefined) {
    throw new SetupError('--title names a new spreadsheet; --script-id uses an existing one: give one of them.', 2);
  }
  const file = path.join(dir, '.clasp.json');
  const config = readProjectFile(file);
  const current = typeof config.scriptId === 'string' ? config.scriptId.trim() : '';
  if (isScriptId(current)) {
    throw new SetupError(
      `.clasp.json already names the script ${current}: npm run deploy pushes to it. To use another, delete the "scriptId" line from .clasp.json and run npm run setup again.`,
    );
  }
  let scriptId;
  let done;
  if (values['script-id'] !== undefined) {
    scriptId = scriptIdFrom(values['script-id']);
    done = `.clasp.json now names the script ${scriptId}.`;
  } else {
    const title = values.title?.trim() || DEFAULT_TITLE;
    const created = createSpreadsheet(title);
    scriptId = created.scriptId;
    done =
      `Created the spreadsheet "${title}"${created.parentId ? ` (https://docs.google.com/spreadsheets/d/${created.parentId}/edit)` : ''} ` +
      `and its script ${scriptId}, named in .clasp.json. Its menu will be Extensions › ${title}.`;
  }
  const rest = { ...config };
  delete rest.scriptId;
  fs.writeFileSync(file, `${JSON.stringify({ scriptId, ...rest, rootDir: 'build' }, null, 2)}\n`);
  return `${done}\nNext: npm run deploy, then reload the spreadsheet. The script id is yours: do not commit .clasp.json with it.`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.stdout.write(`${setup(process.argv.slice(2), process.cwd())}\n`);
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    process.stderr.write(`npm run setup: ${error.message}\n`);
    process.exitCode = error.code;
  }
}
