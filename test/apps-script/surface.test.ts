// The in-memory Apps Script implements what Uptake's built bundle calls, and no more: every
// service global the bundle names and every `Service.member` it reads, found by a scan of
// build/Code.js, against the services in FakeGlobals (globals.ts) and their public members.
// The objects the services return (Range, Sheet, ...) are not scanned: the bundle reaches them
// through variables, and the boundary (boundary.ts) names any member it lacks when called.
import fs from 'fs';
import path from 'path';
import { createFakeGas } from '../../packages/fake-apps-script';

const BUNDLE = path.join(__dirname, '..', '..', 'build', 'Code.js');

/**
 * Apps Script's global services, from @types/google-apps-script's `declare var` lines: what the
 * bundle could name. (Date2 and the Jdbc/Maps/XML families are in the list for completeness.)
 */
function appsScriptGlobals(): string[] {
  const dir = path.join(__dirname, '..', '..', 'node_modules', '@types', 'google-apps-script');
  const names = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.d.ts'))) {
    for (const m of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/^declare var (\w+):/gm)) names.add(m[1]);
  }
  return [...names].sort();
}

/** `Service.member` chains in the bundle, by service; a service named bare has no members here. */
function bundleSurface(code: string, services: string[]): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const name of services) {
    for (const m of code.matchAll(new RegExp(`(?<![\\w$.])${name}\\b(?:\\s*\\.\\s*([A-Za-z_$][\\w$]*))?`, 'g'))) {
      const members = used.get(name) ?? new Set<string>();
      if (m[1]) members.add(m[1]);
      used.set(name, members);
    }
  }
  return used;
}

/**
 * The public members of one of the fake's service objects: its methods and its enum fields
 * (capitalised, as Apps Script's are). Its other fields are the state it was given.
 */
function fakeMembers(service: object): string[] {
  const names = new Set<string>(Object.keys(service).filter((n) => /^[A-Z]/.test(n)));
  for (
    let proto = Object.getPrototypeOf(service);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  )
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
  return [...names].filter((n) => n !== 'constructor' && !n.startsWith('_')).sort();
}

describe('the fake Apps Script surface is what build/Code.js uses', () => {
  const code = fs.readFileSync(BUNDLE, 'utf8');
  const fake = createFakeGas();
  const globals = fake.globals as unknown as Record<string, object>;
  const used = bundleSurface(
    code,
    appsScriptGlobals()
      .filter((n) => n !== 'console')
      .concat('console'),
  );

  it('implements every service the bundle names, and no other', () => {
    const missing = [...used.keys()].filter((name) => !(name in globals));
    const unused = Object.keys(globals).filter((name) => !used.has(name));
    // A service the bundle starts to use (FormApp, say) is added to FakeGlobals (globals.ts) and
    // made in FakeGas.createGlobals (harness.ts).
    expect({ missing, unused }).toEqual({ missing: [], unused: [] });
  });

  it('implements every Service.member the bundle reads, and no other', () => {
    const problems: string[] = [];
    for (const [name, service] of Object.entries(globals)) {
      const own = fakeMembers(service);
      const reads = [...(used.get(name) ?? [])].sort();
      for (const m of reads.filter((r) => !own.includes(r)))
        problems.push(`the bundle reads ${name}.${m}: add it to the fake's ${name}`);
      for (const m of own.filter((o) => !reads.includes(o)))
        problems.push(`the fake's ${name}.${m} is read by nothing in the bundle: remove it`);
    }
    expect(problems).toEqual([]);
  });
});
