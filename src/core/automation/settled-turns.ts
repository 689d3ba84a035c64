/**
 * Where a run writes the programme milestones it settles without an email (a Genuine adopter's
 * week-three check) among the records of the emails it sends. The "Uptake sent" sheet is a tab
 * every editor reads (rules §19): written first, as one block, a settled row would stand out from
 * the rows of the emails that follow it by its place alone. So each settled record goes with the
 * records of one of the emails of its milestone, or right after the last of them, chosen by the
 * sheet's key (SentIndex.turnOf): among a day's rows of one milestone, its place is any email's.
 */
import { milestoneOf, type RecordDraft } from '../programme/sent-row';

/**
 * The settled records to write with each email's records, by the email's index in `emails`
 * (the milestone each is about, in the order the run sends them), and those to write after the
 * last email (index emails.length). Emails go in the order of their milestones' days: a settled
 * record whose milestone has no email today goes where its email would have gone.
 */
export function settledTurns(
  emails: string[],
  settled: RecordDraft[],
  turnOf: (draft: RecordDraft, choices: number) => number,
): Map<number, RecordDraft[]> {
  const turns = new Map<number, RecordDraft[]>();
  const day = (milestone: string) => milestoneOf(milestone)?.day ?? 0;
  for (const draft of settled) {
    // Before each email of its milestone, or after the last; with none, where one would have gone.
    const places = emails.flatMap((milestone, i) => (milestone === draft.milestone ? [i] : []));
    places.push(
      places.length ? places[places.length - 1] + 1 : emails.filter((m) => day(m) <= day(draft.milestone)).length,
    );
    const at = places[turnOf(draft, places.length)];
    turns.set(at, [...(turns.get(at) ?? []), draft]);
  }
  return turns;
}
