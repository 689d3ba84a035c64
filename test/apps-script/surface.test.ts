// The in-memory Apps Script implements what Uptake's built bundle uses, and no more, type by type.
// The bundle's side (bundle-surface.ts): a TypeScript program over the sources esbuild bundles
// names the receiver of every member access, and keeps those on an Apps Script type
// (`Spreadsheet.Range.getValues`, `Console.error`) that the source map places in build/Code.js, so
// code esbuild dropped does not count and a name is never taken for its receiver: the bundle's
// own `rows.sort()` or a helper named `open` is no use of Range.sort or SpreadsheetApp.open. The
// fake's side (fake-surface.ts): each class's `implements Pick<GoogleAppsScript.X, 'a' | 'b'>`
// lists, read with the TypeScript parser. The checks:
// - every member a class lists for a type is one the bundle reads on that type. What tests, the
//   bench and the local run do that the bundle does not (read what a cell shows, add a row as a
//   person would) is the harness's test side (fake.inspect, fake.user:
//   packages/fake-apps-script/test-side.ts), on the model itself, not a member of an Apps Script class;
// - every member the bundle reads on an Apps Script type is listed for that type by a fake class;
// - a class the boundary hands out declares exactly the members its Pick lists name (so the
//   lists are its surface), but for the class in NO_PICK;
// - the service globals are exactly those the bundle names;
// - the bundle reads no Apps Script member the analysis cannot name (a computed `x[key]`) or place,
//   and hands no Apps Script value on as a type of its own or `any` (handed-on.ts: a typed target,
//   an assertion, a constrained type parameter, a callback's parameter), whose reads would be that
//   type's and go unseen. Planted sources (EVASIONS) show each way reported, and passing once typed
//   as Apps Script's.
// What is left out, and why: enum values (`ScriptApp.AuthMode.FULL`): the enum is a member of its
// service, checked here, and the fake's enums (enums.ts) are copies of Google's whole enums; event
// objects (`e.authMode`, types Events.*): the harness passes them to entry points as plain data
// (bundle.ts), no class of the boundary. Members newer than @types/google-apps-script are declared
// into its namespace (src/gas/apps-script.d.ts), so both sides type them as Apps Script's.
import { createFakeGas } from '../../packages/fake-apps-script';
import { bundleSurface, plantedUnresolved } from './bundle-surface';
import { appsScriptTypes, fakeClasses, withBases, type FakeClass } from './fake-surface';

/**
 * The class the boundary hands out with no Pick list, and the Apps Script types it models. A form
 * item stands for each kind of item at once (Item.asListItem() returns it), and Apps Script's
 * setters return the item's own kind, which one class cannot be typed as. Each member the bundle
 * reads on one of these types must be declared; each member declared must be read on one of them.
 */
const NO_PICK: Record<string, string[]> = {
  FakeFormItem: [
    'Forms.Item',
    'Forms.ListItem',
    'Forms.CheckboxItem',
    'Forms.MultipleChoiceItem',
    'Forms.ParagraphTextItem',
  ],
};

/** Types whose members are data the harness builds, not a class the boundary hands out. */
const PLAIN_DATA = /^Events\./;

/** Apps Script type -> the members the fake offers on it, from every class that models it. */
function offeredByType(classes: Map<string, FakeClass>): Map<string, Set<string>> {
  const offered = new Map<string, Set<string>>();
  const add = (type: string, members: string[]) =>
    offered.set(type, new Set([...(offered.get(type) ?? []), ...members]));
  for (const cls of classes.values()) {
    for (const [type, members] of cls.picks) add(type, members);
    for (const type of NO_PICK[cls.name] ?? []) add(type, cls.declared);
  }
  return offered;
}

describe('the fake Apps Script surface is what build/Code.js uses', () => {
  const bundle = bundleSurface();
  const classes = fakeClasses();
  const reads = (type: string, member: string) => bundle.members.get(type)?.has(member) ?? false;

  it('names and places every Apps Script member the bundle reads', () => {
    expect(bundle.unresolved).toEqual([]);
    expect(bundle.members.size).toBeGreaterThan(0);
  });

  it('lists no member the bundle never reads on its type', () => {
    const unused: string[] = [];
    for (const cls of classes.values()) {
      for (const [type, members] of cls.picks)
        for (const member of members.filter((m) => !reads(type, m)))
          unused.push(`${cls.name}: ${type}.${member} (${cls.file})`);
      const modelled = NO_PICK[cls.name] ?? [];
      for (const member of modelled.length ? cls.declared : [])
        if (!modelled.some((type) => reads(type, member)))
          unused.push(`${cls.name}: ${member}, read on none of ${modelled.join(', ')} (${cls.file})`);
    }
    expect(unused).toEqual([]);
  });

  it('lists every member the bundle reads, on its type', () => {
    const offered = offeredByType(classes);
    const missing: string[] = [];
    for (const [type, members] of bundle.members) {
      if (PLAIN_DATA.test(type) || bundle.enums.has(type)) continue;
      const has = offered.get(type);
      for (const member of [...members].filter((m) => !has?.has(m)))
        missing.push(
          `the bundle reads ${type}.${member}, which ${has ? 'no fake class lists' : 'no fake class models'}`,
        );
    }
    expect(missing).toEqual([]);
  });

  it('models only types @types/google-apps-script declares', () => {
    const types = appsScriptTypes();
    const modelled = [...classes.values()].flatMap((cls) => [...cls.picks.keys(), ...(NO_PICK[cls.name] ?? [])]);
    expect([...new Set(modelled)].filter((type) => !types.has(type))).toEqual([]);
  });

  it('has each class the bundle is handed declare exactly what its Pick lists name', () => {
    const problems: string[] = [];
    for (const cls of classes.values()) {
      if (!cls.api || cls.name in NO_PICK) continue;
      const { declared, picked } = withBases(cls, classes);
      for (const m of declared.filter((d) => !picked.includes(d)))
        problems.push(`${cls.name}.${m} is declared but in no Pick list of ${cls.file}`);
      for (const m of picked.filter((p) => !declared.includes(p)))
        problems.push(`${cls.name}.${m} is in a Pick list but not declared`);
    }
    expect(problems).toEqual([]);
  });

  it('implements every service global the bundle names, and no other', () => {
    const globals = createFakeGas().globals as unknown as Record<string, object>;
    expect(Object.keys(globals).sort()).toEqual([...bundle.globals].sort());
  });
});

/** What a plant starts with: Apps Script values of src/'s kind, on line 1. */
const PRELUDE =
  'declare const sheet: GoogleAppsScript.Spreadsheet.Sheet, sheets: GoogleAppsScript.Spreadsheet.Sheet[];\n';
const PORT = '{ getFrozenColumns(): number }';
const SHOWN = '{ getFrozenColumns(): number; }';
const UNSEEN = ", whose reads are not seen (type it as Apps Script's)";

/**
 * Each way of reading an Apps Script member through a type of src/'s own: the evasion (line 2 on),
 * what the analysis reports for it, and the same code typed as Apps Script's, which it passes.
 */
const EVASIONS: { name: string; evasion: string; report: string[]; plain: string }[] = [
  {
    name: 'a variable of a type of its own',
    evasion: `const port: ${PORT} = sheet;\nexport const n = port.getFrozenColumns();`,
    report: [`src/planted.ts:2 sheet: an Apps Script value handed on as ${SHOWN}`],
    plain: 'const port: GoogleAppsScript.Spreadsheet.Sheet = sheet;\nexport const n = port.getFrozenColumns();',
  },
  {
    name: 'a variable of a type of its own, past satisfies',
    evasion: `const port: ${PORT} = sheet satisfies object;\nexport const n = port.getFrozenColumns();`,
    report: [`src/planted.ts:2 sheet satisfies object: an Apps Script value handed on as ${SHOWN}`],
    plain: 'const port = sheet satisfies object;\nexport const n = port.getFrozenColumns();',
  },
  {
    name: 'an assertion through unknown',
    evasion: `export const n = (sheet as unknown as ${PORT}).getFrozenColumns();`,
    report: [`src/planted.ts:2 sheet as unknown as ${PORT}: an Apps Script value asserted as ${SHOWN}`],
    plain: 'export const n = sheet.getFrozenColumns();',
  },
  {
    name: 'an angle-bracket assertion, in parentheses',
    evasion: `export const n = (<${PORT}>(<unknown>sheet)).getFrozenColumns();`,
    report: [`src/planted.ts:2 <${PORT}>(<unknown>sheet): an Apps Script value asserted as ${SHOWN}`],
    plain: 'export const n = (<GoogleAppsScript.Spreadsheet.Sheet>(<unknown>sheet)).getFrozenColumns();',
  },
  {
    name: 'a direct assertion past satisfies',
    evasion: `export const n = ((sheet satisfies object) as ${PORT}).getFrozenColumns();`,
    report: [`src/planted.ts:2 (sheet satisfies object) as ${PORT}: an Apps Script value asserted as ${SHOWN}`],
    plain: 'export const n = (sheet satisfies object).getFrozenColumns();',
  },
  {
    name: 'an assertion as an index signature',
    evasion: "export const n = (sheet as unknown as Record<string, () => number>)['getFrozenColumns']();",
    report: [
      'src/planted.ts:2 sheet as unknown as Record<string, () => number>: an Apps Script value asserted as Record<string, () => number>',
    ],
    plain: 'export const n = sheet.getFrozenColumns();',
  },
  {
    name: 'a type parameter constrained to a type of its own',
    evasion: `function frozen<T extends ${PORT}>(s: T): number {\n  return s.getFrozenColumns();\n}\nexport const n = frozen(sheet);`,
    report: [`src/planted.ts:5 frozen(sheet): an Apps Script type given as T, constrained to ${SHOWN}`],
    plain:
      'function frozen<T extends GoogleAppsScript.Spreadsheet.Sheet>(s: T): number {\n  return s.getFrozenColumns();\n}\nexport const n = frozen(sheet);',
  },
  {
    name: 'an annotated callback parameter',
    evasion: `export const n = [sheet].map((s: ${PORT}) => s.getFrozenColumns());`,
    report: [`src/planted.ts:2 s: ${PORT}: a function whose parameter s is ${SHOWN} is passed Apps Script values`],
    plain: 'export const n = [sheet].map((s) => s.getFrozenColumns());',
  },
  {
    name: 'a function of its own handed as a callback',
    evasion: `const frozen = (s: ${PORT}) => s.getFrozenColumns();\nexport const n = sheets.map(frozen);`,
    report: [`src/planted.ts:3 frozen: a function whose parameter s is ${SHOWN} is passed Apps Script values`],
    plain:
      'const frozen = (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getFrozenColumns();\nexport const n = sheets.map(frozen);',
  },
  {
    name: 'an array of Apps Script values typed as an array of its own',
    evasion: `const ports: ${PORT}[] = sheets;\nexport const n = ports[0].getFrozenColumns();`,
    report: [`src/planted.ts:2 sheets: an Apps Script value handed on as ${SHOWN}[]`],
    plain: 'const ports: GoogleAppsScript.Spreadsheet.Sheet[] = sheets;\nexport const n = ports[0].getFrozenColumns();',
  },
  {
    name: "an object literal's method typed otherwise",
    evasion: `const on: { sheet(s: GoogleAppsScript.Spreadsheet.Sheet): number } = {\n  sheet(s: ${PORT}) {\n    return s.getFrozenColumns();\n  },\n};\nexport const n = on.sheet(sheet);`,
    report: [`src/planted.ts:3 s: ${PORT}: a function whose parameter s is ${SHOWN} is passed Apps Script values`],
    plain:
      'const on: { sheet(s: GoogleAppsScript.Spreadsheet.Sheet): number } = {\n  sheet(s) {\n    return s.getFrozenColumns();\n  },\n};\nexport const n = on.sheet(sheet);',
  },
  {
    name: 'a spread into a rest parameter of its own type',
    evasion: `const first = (...ports: ${PORT}[]) => ports[0].getFrozenColumns();\nexport const n = first(...sheets);`,
    report: [`src/planted.ts:3 sheets: an Apps Script value handed on as ${SHOWN}`],
    plain:
      'const first = (...ports: GoogleAppsScript.Spreadsheet.Sheet[]) => ports[0].getFrozenColumns();\nexport const n = first(...sheets);',
  },
  {
    name: 'a generic container of its own type',
    evasion: `const byName = new Map(sheets.map((s) => [s.getName(), s]));\nconst ports: Map<string, ${PORT}> = byName;\nexport const n = ports.get('a')?.getFrozenColumns();`,
    report: [`src/planted.ts:3 byName: an Apps Script value handed on as Map<string, ${SHOWN}>`],
    plain:
      "const byName = new Map(sheets.map((s) => [s.getName(), s]));\nexport const n = byName.get('a')?.getFrozenColumns();",
  },
  {
    name: 'an object of its own type holding an Apps Script value',
    evasion: `const named = { sheet, name: 'a' };\nconst frozenOf = (held: { sheet: ${PORT} }) => held.sheet.getFrozenColumns();\nexport const n = frozenOf(named);`,
    report: [`src/planted.ts:4 named: an Apps Script value handed on as { sheet: ${SHOWN}; }`],
    plain:
      "const named = { sheet, name: 'a' };\nconst frozenOf = (held: { sheet: GoogleAppsScript.Spreadsheet.Sheet }) => held.sheet.getFrozenColumns();\nexport const n = frozenOf(named);",
  },
  {
    name: 'an event object handed on as a type of its own',
    evasion: `declare const e: GoogleAppsScript.Events.SheetsOnOpen;\nconst frozenOf = (ev?: { source?: ${PORT} }) => ev?.source?.getFrozenColumns();\nexport const n = frozenOf(e);`,
    report: [`src/planted.ts:4 e: an Apps Script value handed on as { source?: ${SHOWN} | undefined; } | undefined`],
    plain:
      'declare const e: GoogleAppsScript.Events.SheetsOnOpen;\nconst frozenOf = (ev?: GoogleAppsScript.Events.SheetsOnOpen) => ev?.source.getActiveSheet()?.getFrozenColumns();\nexport const n = frozenOf(e);',
  },
  {
    name: 'a function returning Apps Script values typed as returning its own',
    evasion: `const first = () => sheets[0];\nconst port: () => ${PORT} = first;\nexport const n = port().getFrozenColumns();`,
    report: [`src/planted.ts:3 first: an Apps Script value handed on as () => ${SHOWN}`],
    plain:
      'const first = () => sheets[0];\nconst port: () => GoogleAppsScript.Spreadsheet.Sheet = first;\nexport const n = port().getFrozenColumns();',
  },
  {
    name: 'a function of its own held in an object, where Apps Script values are passed to it',
    evasion: `const frozen = (s: ${PORT}) => s.getFrozenColumns();\nconst holder = { read: frozen };\nconst on: { read(s: GoogleAppsScript.Spreadsheet.Sheet): number } = holder;\nexport const n = on.read(sheet);`,
    report: ['src/planted.ts:4 holder: an Apps Script value handed on as { read(s: Sheet): number; }'],
    plain:
      'const frozen = (s: GoogleAppsScript.Spreadsheet.Sheet) => s.getFrozenColumns();\nconst holder = { read: frozen };\nconst on: { read(s: GoogleAppsScript.Spreadsheet.Sheet): number } = holder;\nexport const n = on.read(sheet);',
  },
  {
    name: 'a generic cast of its own',
    evasion: `const cast = <T,>(value: unknown) => value as T;\nexport const n = cast<${PORT}>(sheet).getFrozenColumns();`,
    report: [
      "src/planted.ts:3 sheet: an Apps Script value handed to cast's parameter value typed unknown, which src/ may assert or narrow",
    ],
    plain: 'const cast = <T,>(value: T) => value;\nexport const n = cast(sheet).getFrozenColumns();',
  },
  {
    name: "a parameter typed object, narrowed with 'in'",
    evasion:
      "function frozen(o: object): number {\n  return 'getFrozenColumns' in o ? (o.getFrozenColumns as () => number)() : 0;\n}\nexport const n = frozen(sheet);",
    report: [
      "src/planted.ts:5 sheet: an Apps Script value handed to frozen's parameter o typed object, which src/ may assert or narrow",
    ],
    plain:
      'function frozen(o: GoogleAppsScript.Spreadsheet.Sheet): number {\n  return o.getFrozenColumns();\n}\nexport const n = frozen(sheet);',
  },
  {
    name: 'a type guard of its own, as a callback',
    evasion: `const isPort = (value: unknown): value is ${PORT} => typeof value === 'object';\nexport const n = sheets.filter(isPort).map((p) => p.getFrozenColumns());`,
    report: [`src/planted.ts:3 isPort: a function whose parameter value is unknown is passed Apps Script values`],
    plain: 'export const n = sheets.map((p) => p.getFrozenColumns());',
  },
  {
    name: 'a concatenation onto an array of its own type',
    evasion: `export const n = ([] as ${PORT}[]).concat(sheets)[0].getFrozenColumns();`,
    report: [`src/planted.ts:2 sheets: an Apps Script value handed on as ConcatArray<${SHOWN}>`],
    plain: 'export const n = ([] as GoogleAppsScript.Spreadsheet.Sheet[]).concat(sheets)[0].getFrozenColumns();',
  },
  {
    name: 'this typed as its own',
    evasion: `function frozen(this: ${PORT}): number {\n  return this.getFrozenColumns();\n}\nexport const n = frozen.call(sheet);`,
    report: [`src/planted.ts:5 sheet: an Apps Script value handed on as this: ${SHOWN}`],
    plain:
      'function frozen(this: GoogleAppsScript.Spreadsheet.Sheet): number {\n  return this.getFrozenColumns();\n}\nexport const n = frozen.call(sheet);',
  },
  {
    name: 'a variable typed any',
    evasion:
      '// eslint-disable-next-line @typescript-eslint/no-explicit-any\nconst anySheet: any = sheet;\nexport const n: number = anySheet.getFrozenColumns();',
    report: ['src/planted.ts:3 sheet: an Apps Script value handed on as any'],
    plain: 'const typed = sheet;\nexport const n: number = typed.getFrozenColumns();',
  },
  {
    name: 'an event object typed any',
    evasion:
      'declare const e: GoogleAppsScript.Events.SheetsOnOpen;\n// eslint-disable-next-line @typescript-eslint/no-explicit-any\nconst event: any = e;\nexport const n: number = event.source.getFrozenColumns();',
    report: ['src/planted.ts:4 e: an Apps Script value handed on as any'],
    plain:
      'declare const e: GoogleAppsScript.Events.SheetsOnOpen;\nconst event = e;\nexport const n: number = event.source.getActiveSheet()?.getFrozenColumns() ?? 0;',
  },
  {
    name: 'an assertion as any',
    evasion: 'export const n: number = (sheet as any).getFrozenColumns();',
    report: ['src/planted.ts:2 sheet as any: an Apps Script value asserted as any'],
    plain: 'export const n: number = sheet.getFrozenColumns();',
  },
  {
    name: 'an array asserted as any',
    evasion: 'export const n: number = (sheets as any)[0].getFrozenColumns();',
    report: ['src/planted.ts:2 sheets as any: an Apps Script value asserted as any'],
    plain: 'export const n: number = sheets[0].getFrozenColumns();',
  },
  {
    name: 'a parameter typed any',
    evasion: 'const frozen = (s: any): number => s.getFrozenColumns();\nexport const n = frozen(sheet);',
    report: ['src/planted.ts:3 sheet: an Apps Script value handed on as any'],
    plain:
      'const frozen = (s: GoogleAppsScript.Spreadsheet.Sheet): number => s.getFrozenColumns();\nexport const n = frozen(sheet);',
  },
];

/** Apps Script values handed where nothing can be read on them unchecked, or read as Apps Script's. */
const LEGITIMATE: Record<string, string> = {
  'kept as unknown': 'const kept: unknown = sheet;\nexport const held = kept !== undefined;',
  'kept as object': 'const kept: object = sheet;\nexport const held = kept !== null;',
  'in an array of a union': 'export const held = [sheet, 1].includes(sheet);',
  'through a type parameter with no constraint':
    'const same = <T>(value: T): T => value;\nexport const n = same(sheet).getFrozenColumns();',
  'to a callback typed by Apps Script':
    'export const n = sheets.map((s: GoogleAppsScript.Spreadsheet.Sheet | null) => s?.getFrozenColumns());',
  'destructured from an object of its own':
    "const named = { sheet, name: 'a' };\nconst { sheet: held } = named;\nexport const n = held.getFrozenColumns();",
  'as a property typed by Apps Script':
    'export const named: { sheet: GoogleAppsScript.Spreadsheet.Sheet } = { sheet };',
};

describe('what hides a read of Apps Script from the surface test', () => {
  it.each(EVASIONS)("reports $name, and not the same code typed as Apps Script's", ({ evasion, report, plain }) => {
    expect(plantedUnresolved(PRELUDE + evasion)).toEqual(report.map((r) => r + UNSEEN));
    expect(plantedUnresolved(PRELUDE + plain)).toEqual([]);
  });

  it.each(Object.entries(LEGITIMATE))('passes a value handed %s', (_, source) => {
    expect(plantedUnresolved(PRELUDE + source)).toEqual([]);
  });
});
