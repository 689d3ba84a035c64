/**
 * Check set-up's lines for the owner about the last change of Uptake's owner (rules §19): where
 * the interventions a former owner recorded are, and a former owner Uptake could not tell.
 */
import { heldByAnother, whereHeld } from '../roles/owner-change';
import { sameAccount } from '../roles/roles';
import type { CheckLine, SetupFacts } from './facts';

/** A line when a former owner holds the interventions, unless the owner in Settings is that account. */
export function interventionsElsewhereLines({
  ownerChange,
  owner,
}: Pick<SetupFacts, 'ownerChange' | 'owner'>): CheckLine[] {
  const elsewhere = heldByAnother(ownerChange.interventionsElsewhere, owner.setting);
  if (!elsewhere) return [];
  return [
    {
      id: 'interventions-with-former-owner',
      label: 'Interventions with the former owner',
      status: 'warn',
      detail:
        `The interventions recorded before you became the owner are ${whereHeld(elsewhere)}. Ask ` +
        `${elsewhere.holder} to share it with you; Uptake does not move them.`,
    },
  ];
}

/** A line when the former owner was not emailed about a change that made the owner in Settings the owner. */
export function formerOwnerNotToldLines({
  ownerChange,
  owner,
}: Pick<SetupFacts, 'ownerChange' | 'owner'>): CheckLine[] {
  const change = ownerChange.last;
  if (!change || change.told || !change.from || !sameAccount(change.to, owner.setting)) return [];
  return [
    {
      id: 'former-owner-not-told',
      label: 'Former owner not told',
      status: 'warn',
      detail:
        `Uptake could not email ${change.from} that you took Uptake over (no email could be sent). Tell them ` +
        'yourself: their daily run here has stopped, and any interventions they recorded stay in their own ' +
        'spreadsheet until they share it with you.',
    },
  ];
}
