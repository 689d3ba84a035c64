// The in-memory Apps Script implements what Uptake's built bundle calls, and no more. The bundle
// (build/Code.js) is not minified, so every Apps Script method it uses is called in it as
// `.name(` (an enum is read as `.Name`). Each fake class (packages/fake-apps-script/*.ts) lists
// the members it implements in its `implements Pick<GoogleAppsScript.X, 'a' | 'b'>` clauses, read
// here with the TypeScript parser (fake-surface.ts). The checks:
// - every listed member is called by the bundle. What tests, the bench and the local run do that
//   the bundle does not (read what a cell shows, add a row as a person would) is the harness's
//   test side (fake.inspect, fake.user: packages/fake-apps-script/test-side.ts), on the model
//   itself, not a member of an Apps Script class;
// - every name the bundle calls that is a member of an Apps Script type the fake models is listed
//   by some fake class. Names that JavaScript's own objects also have (`sort`, `at`) are left
//   out, as the bundle calls them on its own arrays and maps, and so are the bundle's own methods
//   named in OWN_CALLS: a name is no evidence of its receiver. The boundary (boundary.ts) names any
//   such member when it is called;
// - a class the boundary hands out declares exactly the members its Pick lists name (so the
//   lists are its surface), but for the classes in NO_PICK;
// - the service globals are exactly those the bundle names.
import fs from 'fs';
import path from 'path';
import { createFakeGas } from '../../packages/fake-apps-script';
import {
  appsScriptTypes,
  bundleReads,
  fakeClasses,
  javaScriptMemberNames,
  withBases,
  type FakeClass,
} from './fake-surface';

const BUNDLE = path.join(__dirname, '..', '..', 'build', 'Code.js');

/**
 * Classes the boundary hands out with no Pick list, and the Apps Script types they model. A form
 * item stands for each kind of item at once (Item.asListItem() returns it), and Apps Script's
 * setters return the item's own kind, which one class cannot be typed as; FakeCharts and
 * FakeConsole hold only an enum and `error`.
 */
const NO_PICK: Record<string, string[]> = {
  FakeCharts: ['Charts.Charts'],
  FakeConsole: ['Console'],
  FakeChoice: ['Forms.Choice'],
  FakeFormItem: [
    'Forms.Item',
    'Forms.ListItem',
    'Forms.CheckboxItem',
    'Forms.MultipleChoiceItem',
    'Forms.ParagraphTextItem',
  ],
  FakeItemResponse: ['Forms.ItemResponse'],
  FakeFormResponse: ['Forms.FormResponse'],
  FakeForm: ['Forms.Form'],
  FakeFormApp: ['Forms.FormApp'],
};

/**
 * Methods the bundle calls on its own objects that an Apps Script type the fake models also has:
 * no use of Apps Script, so neither a reason to implement the member nor a gap. `name`: where.
 */
const OWN_CALLS: Record<string, string> = {
  check: "src/gas/sidebar-call.ts, call.check(args): a sidebar call's argument checker (not Range.check)",
};

/** Members the fake implements that @types/google-apps-script does not declare yet, as `Class.member`: why. */
const NEWER_THAN_TYPES: Record<string, string> = {
  'FakeAuthorizationInfo.getAuthorizedScopes': 'granular consent (src/gas/permissions.ts reads it)',
};

/** The members a class offers: its Pick lists', or for a NO_PICK class those it declares. */
function surfaceOf(cls: FakeClass): string[] {
  return cls.name in NO_PICK ? cls.declared : [...cls.picks.values()].flat();
}

describe('the fake Apps Script surface is what build/Code.js uses', () => {
  const code = fs.readFileSync(BUNDLE, 'utf8');
  const reads = new Set([...bundleReads(code)].filter((name) => !(name in OWN_CALLS)));
  const classes = fakeClasses();

  it('lists no member the bundle never reads', () => {
    const unused: string[] = [];
    for (const cls of classes.values())
      for (const member of surfaceOf(cls)) if (!reads.has(member)) unused.push(`${cls.name}.${member} (${cls.file})`);
    expect(unused).toEqual([]);
  });

  it('lists every member of a modelled Apps Script type that the bundle reads', () => {
    const types = appsScriptTypes();
    const javaScript = javaScriptMemberNames();
    const offered = new Set<string>();
    const modelled = new Set<string>();
    for (const cls of classes.values()) {
      surfaceOf(cls).forEach((m) => offered.add(m));
      for (const type of [...cls.picks.keys(), ...(NO_PICK[cls.name] ?? [])]) modelled.add(type);
    }
    const unknownTypes = [...modelled].filter((type) => !types.has(type));
    const missing: string[] = [];
    for (const type of modelled)
      for (const member of types.get(type) ?? [])
        if (reads.has(member) && !offered.has(member) && !javaScript.has(member))
          missing.push(`the bundle reads .${member}, a member of ${type} that no fake class lists`);
    expect({ unknownTypes, missing: [...new Set(missing)] }).toEqual({ unknownTypes: [], missing: [] });
  });

  it('has each class the bundle is handed declare exactly what its Pick lists name', () => {
    const problems: string[] = [];
    for (const cls of classes.values()) {
      if (!cls.api || cls.name in NO_PICK) continue;
      const { declared, picked } = withBases(cls, classes);
      for (const m of declared.filter((d) => !picked.includes(d) && !(`${cls.name}.${d}` in NEWER_THAN_TYPES)))
        problems.push(`${cls.name}.${m} is declared but in no Pick list of ${cls.file}`);
      for (const m of picked.filter((p) => !declared.includes(p)))
        problems.push(`${cls.name}.${m} is in a Pick list but not declared`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps OWN_CALLS to names the bundle calls', () => {
    const called = bundleReads(code);
    expect(Object.keys(OWN_CALLS).filter((name) => !called.has(name))).toEqual([]);
  });

  it('implements every service global the bundle names, and no other', () => {
    const globals = createFakeGas().globals as unknown as Record<string, object>;
    const named = Object.keys(globals).filter((name) => new RegExp(`(?<![\\w$.])${name}\\b`).test(code));
    expect(named.sort()).toEqual(Object.keys(globals).sort());
  });
});
