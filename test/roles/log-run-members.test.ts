// Rules §19 and §16: Log a run offers every member the roster's names and the log's names, but not
// a form respondent's email address the roster does not match: that is the owner's matter, which
// the owner's dashboard names. Through the built bundle.
import { fakeWithBundle, sampleTeam, TODAY } from '../support/fake-bundle';
import { logRows, plus, rosterRows } from '../support/sheets';

const OWNER = 'lead@corp.example';
const BEN = 'ben@example.com';
const OUTSIDER = 'dana.secret@partner.example';
const at = (iso: string) => new Date(`${iso}T09:00:00Z`);

function withFormAnswers() {
  const { runs, roster } = sampleTeam();
  const made = fakeWithBundle({
    user: OWNER,
    spreadsheet: {
      sheets: {
        Log: logRows([...runs, { date: plus(TODAY, -3), member: 'Dev', workflow: 'Board memo' }]),
        Roster: rosterRows(roster),
        'Form Responses 1': [
          ['Timestamp', 'Email Address', 'Workflow', 'Outcome', 'Edit types', 'Prompted', 'Notes'],
          [at(plus(TODAY, -1)), OUTSIDER, 'Board memo', 'Not used', 'missing info', 'No', ''],
          [at(plus(TODAY, -2)), BEN, 'Weekly update', 'Used as-is', '', 'No', ''],
        ],
      },
    },
  });
  made.bundle.saveSettings({ ownerEmail: OWNER });
  return made;
}

test('a member’s Log a run lists roster and logged names, never an unmatched respondent’s email', () => {
  const { bundle } = withFormAnswers();
  const form = bundle.$run('getLogForm', [], { user: BEN });
  expect(form.members).toEqual(['Ana', 'Ben', 'Cleo', 'Dev']);
  expect(JSON.stringify(form.members)).not.toContain('@');
});

test('the owner’s dashboard names the unmatched respondent, with what to do', () => {
  const { bundle } = withFormAnswers();
  const dashboard = JSON.stringify(bundle.getDashboard(null));
  expect(dashboard).toContain(`\\"${OUTSIDER}\\" is in the log but not on the roster`);
});
