// The in-memory Apps Script implements what Uptake's built bundle calls, and no more. The bundle
// (build/Code.js) is not minified, so every Apps Script member it uses is read in it as `.name`.
// Each fake class (packages/fake-apps-script/*.ts) lists the members it implements in its
// `implements Pick<GoogleAppsScript.X, 'a' | 'b'>` clauses, read here with the TypeScript parser
// (fake-surface.ts). Three checks:
// - every listed member is read as `.name` by the bundle, but for the few in USED_BY_TESTS;
// - every `.name` the bundle reads that is a member of an Apps Script type the fake models is
//   listed by some fake class. Names that JavaScript's own objects also have (`sort`, `clear` of a
//   Map...) are left out, as the bundle calls them on its own arrays and maps: a name is no
//   evidence of its receiver. The boundary (boundary.ts) names any such member when it is called;
// - a class the boundary hands out declares exactly the members its Pick lists name (so the
//   lists are its surface), but for the classes in NO_PICK.
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
 * Members the bundle does not read that tests, the bench or the local run call on the fake's
 * objects to set a sheet up or to look at what the bundle left, as `Class.member`: why.
 */
const USED_BY_TESTS: Record<string, string> = {
  'FakeDataValidation.getCriteriaType': 'tests read the rule the bundle set on a cell',
  'FakeDataValidation.getCriteriaValues': 'tests read the choices of a dropdown the bundle set',
  'FakeDataValidationBuilder.getCriteriaType': 'FakeDataValidation inherits it: see above',
  'FakeDataValidationBuilder.getCriteriaValues': 'FakeDataValidation inherits it: see above',
  'FakeDeveloperMetadata.getVisibility': 'tests check the bundle keeps its metadata to the project',
  'FakeLock.hasLock': 'tests check that every lock is let go',
  'FakeProperties.getKeys': 'tests list what the bundle stored',
  'FakeProperties.setProperties': 'tests store settings as an earlier version left them',
  'RangeBox.getA1Notation': 'tests name the cell the bundle wrote',
  'RangeBox.getNumColumns': 'bench/costs.ts counts the cells a read covers',
  'RangeBox.getNumRows': 'bench/costs.ts counts the cells a read covers',
  'RangeBox.getRow': 'tests read where the selection is',
  'RangeBox.getSheet': 'tests read which sheet the selection is on',
  'FormattedRange.getNumberFormat': 'tests check cells written as text (@) stay text',
  'FormattedRange.setBackground': 'bad-input sheets: a team colours its log',
  'FormattedRange.setNote': 'bad-input sheets: a team notes its log',
  'FakeRange.clear': 'tests empty a sheet a user has edited',
  'FakeRange.clearDataValidations': 'tests remove a dropdown as a user would',
  'FakeRange.getDisplayValue': 'tests read what a user sees in a cell',
  'FakeRange.getDisplayValues': 'tests read what a user sees in cells',
  'FakeRange.getFormula': 'tests check that no cell holds a formula',
  'FakeRange.getFormulas': 'tests check that no cell holds a formula',
  'FakeRange.insertCheckboxes': 'tests make a checkbox as a user would',
  'FakeRange.isChecked': 'tests read a checkbox the bundle or a user set',
  'FakeRange.merge': 'bad-input sheets: a team merges cells of its log',
  'FakeRange.setFormula': 'bad-input sheets: a team puts a formula in its log',
  'FakeRange.setFormulas': 'bad-input sheets: a team puts formulas in its log',
  'FakeRange.uncheck': 'browser tests untick a box as a user would',
  'FakeSheet.appendRow': 'tests add log rows as a user or a form would',
  'FakeSheet.clear': 'tests empty a sheet a user has edited',
  'FakeSheet.deleteColumn': 'bad-input faults: a user deletes a column',
  'FakeSheet.deleteColumns': 'bench/costs.ts trims a big log to the 10 million cell limit',
  'FakeSheet.deleteRows': 'tests delete rows as a user would',
  'FakeSheet.getCharts': 'tests read the charts the bundle made',
  'FakeSheet.getFrozenRows': 'tests check the header row the bundle froze',
  'FakeSheet.removeChart': 'tests remove a chart as a user would',
  'FakeSheet.setActiveRange': 'tests select a cell as a user would',
  'FakeSheet.getActiveRange': 'tests read the cell the bundle selected',
  'FakeSheet.setName': 'tests rename a sheet as a user would',
  'FakeSheet.hideColumns': 'bad-input sheets: a team hides columns of its log',
  'FakeSpreadsheet.getActiveRange': 'tests read the cell the bundle selected',
  'FakeSpreadsheet.setActiveRange': 'tests select a cell as a user would',
  'FakeSpreadsheet.appendRow': 'FakeSheet.appendRow is read on the active sheet: see above',
  'FakeSpreadsheet.getFrozenRows': 'the active sheet’s: see FakeSheet.getFrozenRows',
  'FakeClockTriggerBuilder.everyHours': 'tests check the add-on hourly limit',
  'FakeClockTriggerBuilder.everyMinutes': 'tests check the add-on hourly limit',
  'FakeClockTriggerBuilder.nearMinute': 'tests make a daily trigger at a set minute',
  'FakeSpreadsheetTriggerBuilder.onEdit': 'tests check one trigger per event type per document',
  'FakeTriggerBuilder.forSpreadsheet': 'tests check one trigger per event type per document',
  'FakeTrigger.getEventType': 'tests read the triggers the bundle made',
  'FakeTrigger.getTriggerSource': 'tests read the triggers the bundle made',
  'FakeMenu.addSubMenu': 'tests build a menu with a submenu',
  'FakePromptResponse.getResponseText': 'tests check prompt lets go of the locks',
  'FakePromptResponse.getSelectedButton': 'tests check prompt lets go of the locks',
  'FakeUi.createMenu': 'tests build a menu',
  'FakeHtmlOutput.clear': 'tests empty a page',
  'FakeHtmlOutput.getContent': 'tests read a page the bundle showed',
};

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
  const reads = bundleReads(code);
  const classes = fakeClasses();

  it('lists no member the bundle never reads, but for those tests need', () => {
    const unused: string[] = [];
    for (const cls of classes.values())
      for (const member of surfaceOf(cls))
        if (!reads.has(member) && !(`${cls.name}.${member}` in USED_BY_TESTS))
          unused.push(`${cls.name}.${member} (${cls.file})`);
    expect(unused).toEqual([]);
  });

  it('keeps USED_BY_TESTS to members that exist and that the bundle does not read', () => {
    const stale = Object.keys(USED_BY_TESTS).filter((key) => {
      const [name, member] = key.split('.');
      const cls = classes.get(name);
      return !cls || !surfaceOf(cls).includes(member) || reads.has(member);
    });
    expect(stale).toEqual([]);
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

  it('implements every service global the bundle names, and no other', () => {
    const globals = createFakeGas().globals as unknown as Record<string, object>;
    const named = Object.keys(globals).filter((name) => new RegExp(`(?<![\\w$.])${name}\\b`).test(code));
    expect(named.sort()).toEqual(Object.keys(globals).sort());
  });
});
