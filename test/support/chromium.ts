// The Chromium the browser tests drive, launched once here for every suite. Which one, so that `npm ci && npm test` passes on a machine with
// no system browser. In order: CHROMIUM_PATH if set, Debian's /usr/bin/chromium if present, else
// the Chromium that the devDependency @sparticuz/chromium ships inside itself (unpacked into the
// temp folder on first use, about 2 s).
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type BrowserContext } from 'playwright-core';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

// Flags every launch gets: no sandbox (tests run as root), and no background traffic, which
// would otherwise flood a closed network.
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// @sparticuz/chromium's own flags include some that weaken the page's security; the escaping
// tests must see the browser's ordinary security, and playwright sets headless itself.
const DROPPED_PACKAGED_FLAGS = new Set(['--disable-web-security', '--allow-running-insecure-content']);

export interface ChromiumLaunch {
  executablePath: string;
  args: string[];
  /** Where it came from, for messages. */
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

export async function findChromium(): Promise<ChromiumLaunch> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH names ${fromEnv}, which does not exist.`);
    return { executablePath: fromEnv, args: QUIET_FLAGS, source: 'CHROMIUM_PATH' };
  }
  if (fs.existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: QUIET_FLAGS, source: 'system' };
  const packaged = unpackPackagedChromium();
  const args = packaged.args.filter((flag) => !DROPPED_PACKAGED_FLAGS.has(flag) && !flag.startsWith('--headless'));
  const executablePath = packaged.executablePath;
  return { executablePath, args: [...new Set([...args, ...QUIET_FLAGS])], source: '@sparticuz/chromium' };
}

// @sparticuz/chromium is an ES module, which jest's CommonJS runtime cannot load: ask a child
// Node for the unpacked path and the flags.
function unpackPackagedChromium(): { executablePath: string; args: string[] } {
  const script = `import chromium from '@sparticuz/chromium';
    const executablePath = await chromium.executablePath();
    process.stdout.write(JSON.stringify({ executablePath, args: chromium.args }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: path.join(__dirname, '..', '..'),
    encoding: 'utf8',
  });
  return JSON.parse(out) as { executablePath: string; args: string[] };
}

/** The width Sheets gives an add-on's sidebar, in CSS pixels. */
export const SIDEBAR_WIDTH = 300;

/**
 * A headless Chromium with a fresh profile, removed again when the context closes; its pages
 * are the sidebar's width unless `viewport` says otherwise.
 */
export async function launchChromium(
  viewport: { width: number; height: number } = { width: SIDEBAR_WIDTH, height: 900 },
): Promise<BrowserContext> {
  const { executablePath, args } = await findChromium();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'uptake-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport,
    args,
  });
  const close = context.close.bind(context);
  context.close = async (options) => {
    await close(options);
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return context;
}

/**
 * One Chromium for a test file: launched before its first test and closed after its last. Returns
 * the function that gives its context in a test.
 */
export function chromiumForSuite(): () => BrowserContext {
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    context = await launchChromium();
  });
  afterAll(async () => {
    await context?.close();
  });
  return () => {
    if (!context) throw new Error('Chromium is not running: chromiumForSuite() starts it in beforeAll');
    return context;
  };
}
