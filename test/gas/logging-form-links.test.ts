// The logging form's link where people are (rules §16), on the built bundle in the in-memory Apps
// Script: Log a run (for every member), the day-seven follow-up's pre-filled links, the digest's
// last line, and the sidebar's Create logging form.
import { fakeWithBundle, sampleTeam, TODAY } from '../support/fake-bundle';
import { logRows, plus, rosterRows } from '../support/sheets';
import { approveOfferedFollowUps } from '../support/approve';
import { timeDrivenEvent } from '../../packages/fake-apps-script';

const OWNER = 'lead@example.com';
const MEMBER = 'ben@example.com';

/** The sample team, Dara and Eli trained a week ago with Kim as their follow-up owner. */
function team() {
  const { runs, roster } = sampleTeam();
  const weekAgo = plus(TODAY, -7);
  roster.push(
    { name: 'Dara', email: 'dara@example.com', training: weekAgo, anchor: 'Invoices', owner: 'kim@example.com' },
    { name: 'Eli', email: 'eli@example.com', training: weekAgo, anchor: 'Invoices', owner: 'kim@example.com' },
  );
  const fake = fakeWithBundle({
    user: OWNER,
    spreadsheet: { sheets: { Log: logRows(runs), Roster: rosterRows(roster) } },
  });
  fake.bundle.saveSettings({ ownerEmail: OWNER });
  // The owner approves Kim as Dara's and Eli's follow-up owner (rules §19: only Approve does).
  approveOfferedFollowUps(fake.bundle);
  return fake;
}

type Fake = ReturnType<typeof team>;

function makeForm({ gas, bundle }: Fake) {
  const step = bundle.$runFromClient('makeLoggingForm', null);
  const forms = [...gas.forms.forms.values()];
  expect(forms).toHaveLength(1);
  return { form: forms[0], step };
}

function logFormAs({ bundle }: Fake, user: string) {
  return bundle.$run('getLogForm', [], { user });
}

/** The daily run as its trigger calls it, automation on. */
function runDaily({ gas, bundle }: Fake) {
  if (gas.triggers.clock().length === 0) bundle.$runFromClient('setAutomation', true);
  bundle.runDaily(timeDrivenEvent(gas.triggers.clock()[0], gas.clock.now()));
}

describe('Log a run shows the logging form’s link', () => {
  test('none before a form is made; its address after, for the owner and for a member, with no FormApp call', () => {
    const fake = team();
    expect(logFormAs(fake, OWNER).formUrl).toBeNull();
    const { form } = makeForm(fake);
    fake.gas.calls.reset();
    expect(logFormAs(fake, OWNER).formUrl).toBe(form.getPublishedUrl());
    // A member is an editor of the spreadsheet, not of the form: FormApp would refuse them.
    fake.gas.session.setUser(MEMBER);
    expect(fake.gas.forms.openable(form.getId())).toBeNull();
    fake.gas.session.setUser(OWNER);
    expect(logFormAs(fake, MEMBER).formUrl).toBe(form.getPublishedUrl());
    expect(fake.gas.calls.count('FormApp.openById')).toBe(0);
  });

  test('a form the daily run’s account cannot open keeps its link for everyone; the report and Check set-up name the account', () => {
    const fake = team();
    const { form } = makeForm(fake);
    // The form now belongs to someone else: the owner, whose account the daily run uses, is no editor.
    form._editors.delete(OWNER);
    runDaily(fake);
    expect(logFormAs(fake, MEMBER).formUrl).toBe(form.getPublishedUrl());
    expect(logFormAs(fake, OWNER).formUrl).toBe(form.getPublishedUrl());
    expect(fake.bundle.$runFromClient('getAutomationStatus').lastRunReport).toContain(
      `The logging form cannot be opened by ${OWNER} (deleted, or ${OWNER} is not one of its editors), so its dropdowns were not updated: see Check set-up.`,
    );
    const line = fake.bundle.$runFromClient('getSetupCheck').find((l) => l.id === 'form')!;
    expect(line).toMatchObject({ status: 'fix', detail: expect.stringContaining(`cannot be opened by ${OWNER}`) });
    // Made an editor again: the run opens it and the link is unchanged.
    form._editors.add(OWNER);
    runDaily(fake);
    expect(logFormAs(fake, MEMBER).formUrl).toBe(form.getPublishedUrl());
  });
});

describe('the day-seven follow-up carries each member’s pre-filled link, to forward', () => {
  test('one link per member, their name chosen, made by FormResponse.toPrefilledUrl; four calls a member', () => {
    const fake = team();
    const { form } = makeForm(fake);
    fake.gas.mail.sent = [];
    fake.gas.calls.reset();
    runDaily(fake);
    const sevens = fake.gas.mail.sent.filter((m) => m.subject.includes('Day-seven follow-up'));
    // Dara's and Eli's to Kim; Ben's, three days late, to the owner (Ben has no follow-up owner).
    expect(sevens.map((m) => m.recipients)).toEqual([['kim@example.com'], [OWNER]]);
    const email = sevens[0];
    // One form opened; one link for each member an email names, four calls each.
    expect(fake.gas.calls.count('FormApp.openById')).toBe(1);
    for (const call of ['Form.createResponse', 'Item.createResponse', 'FormResponse.withItemResponse'])
      expect(fake.gas.calls.count(call)).toBe(3);
    expect(fake.gas.calls.count('FormResponse.toPrefilledUrl')).toBe(3);
    expect(sevens[1].body).toMatch(/Ben: the logging form, name already chosen: https:\S+=Ben\n/);
    const member = form._items[0];
    for (const name of ['Dara', 'Eli']) {
      // As Google builds it: a response to the Team member question, as a link.
      const expected = form.createResponse().withItemResponse(member.createResponse(name)).toPrefilledUrl();
      expect(expected).toMatch(new RegExp(`[?&]entry\\.\\d+=${name}$`));
      expect(email.body).toContain(`${name}: the logging form, name already chosen: ${expected}`);
      expect(email.htmlBody).toContain(`href="${expected.replace(/&/g, '&amp;')}"`);
    }
  });

  test('without a form the email has no form link, and FormApp is not called', () => {
    const fake = team();
    fake.gas.calls.reset();
    runDaily(fake);
    const [email] = fake.gas.mail.sent.filter((m) => m.subject.includes('Day-seven follow-up'));
    expect(email.body).not.toContain('logging form');
    expect(fake.gas.calls.count('FormApp.openById')).toBe(0);
  });
});

describe('the digest ends with the form’s link', () => {
  test('Send digest now: the last line is the form’s address; no form, no line', () => {
    const fake = team();
    fake.bundle.$runFromClient('sendDigestNow', true);
    expect(fake.gas.mail.sent.at(-1)!.body).not.toContain('logging form');
    const { form } = makeForm(fake);
    fake.gas.calls.reset();
    fake.bundle.$runFromClient('sendDigestNow', true);
    const digest = fake.gas.mail.sent.at(-1)!;
    expect(digest.body.trimEnd().split('\n').at(-1)).toBe(
      `Log a run from your phone: the team’s logging form: ${form.getPublishedUrl()}`,
    );
    expect(fake.gas.calls.count('FormApp.openById')).toBe(0);
  });
});

describe('Create logging form from the sidebar', () => {
  test('makes the form; asked again, it asks before updating, and updates only on yes', () => {
    const fake = team();
    const { form, step } = makeForm(fake);
    expect(step).toEqual({
      done: true,
      url: form.getPublishedUrl(),
      message: expect.stringContaining('Made the logging form'),
    });
    fake.gas.user.appendRow('Roster', ['Fay', 'fay@example.com', '', '', 'Invoices', '', '', '', '']);
    const asked = fake.bundle.$runFromClient('makeLoggingForm', null);
    expect(asked).toMatchObject({ done: false, ask: 'update' });
    expect(form._items[0].choices).not.toContain('Fay');
    const updated = fake.bundle.$runFromClient('makeLoggingForm', 'update');
    expect(updated.done).toBe(true);
    expect(form._items[0].choices).toContain('Fay');
    expect(fake.gas.forms.forms.size).toBe(1);
  });

  test('a deleted form: asks before making a new one', () => {
    const fake = team();
    const { form } = makeForm(fake);
    fake.gas.forms.delete(form.getId());
    expect(fake.bundle.$runFromClient('makeLoggingForm', null)).toMatchObject({ done: false, ask: 'new' });
    expect(fake.gas.forms.forms.size).toBe(1);
    expect(fake.bundle.$runFromClient('makeLoggingForm', 'new')).toMatchObject({ done: true });
    expect([...fake.gas.forms.forms.values()].filter((f) => !f._deleted)).toHaveLength(1);
  });

  test('an answer that is not one of the two is refused by name', () => {
    const fake = team();
    expect(() => fake.bundle.$runFromClient('makeLoggingForm', 'delete')).toThrow(/The answer must be/);
    expect(fake.gas.forms.forms.size).toBe(0);
  });
});
