/**
 * Who sees what (rules §19): the owner has the named views and runs the programme; every other
 * editor, and an account whose email Google does not give, is a member who logs runs and sees
 * their own week. Pure: the caller's email and the owner's come from src/gas/roles.ts.
 */
import { memberKey } from '../base/text';

export type Role = 'owner' | 'member';

/**
 * Who may make a call: the owner only; the owner, or every editor when Settings open the named
 * dashboard to the team; anyone who can open the spreadsheet's Uptake menu; or the account
 * that owns the spreadsheet in Google Drive (taking Uptake over, when the owner email saved is
 * one nobody holds).
 */
export type Access = 'owner' | 'team' | 'anyone' | 'fileOwner';

export interface Caller {
  /** The caller's email; '' when Google does not give it. */
  email: string;
  /** The owner's email; '' while nobody has claimed Uptake for this spreadsheet. */
  owner: string;
  /**
   * With no owner: whether the first account to save Settings may become it (a new install),
   * or not (Settings an earlier version saved without an owner, and no account Uptake can
   * trust to take it over: see ownership in src/gas/roles.ts).
   */
  claimable: boolean;
  role: Role;
  /** Whether the named dashboard is open to every editor (Settings, "open team"). */
  openTeam: boolean;
  /**
   * Whether the caller owns the spreadsheet in Google Drive; read (a call) only where it
   * decides something: a 'fileOwner' call, a member's menu and refusals (src/gas/roles.ts).
   */
  ownsFile?: boolean;
}

export function sameAccount(a: string, b: string): boolean {
  return a.trim() !== '' && memberKey(a) === memberKey(b);
}

/**
 * The caller's role. While no owner is set and the install is claimable, an account with an
 * email acts as the owner: the first one to save Settings (or turn automation on) becomes it.
 * An account without an email can never be told apart from another, so it is always a member.
 */
export function callerOf(email: string, owner: string, openTeam: boolean, claimable = true): Caller {
  const mayBeOwner = owner ? sameAccount(email, owner) : claimable;
  const role: Role = email && mayBeOwner ? 'owner' : 'member';
  return { email, owner, role, openTeam, claimable };
}

export function allows(caller: Caller, access: Access): boolean {
  if (access === 'anyone') return true;
  if (access === 'fileOwner') return caller.ownsFile === true;
  if (caller.role === 'owner') return true;
  return access === 'team' && caller.openTeam;
}

/** Thrown when a member calls what is the owner's: its message says why and whom to ask. */
export class NotOwnerError extends Error {
  override name = 'NotOwnerError';
}

/**
 * Said when Settings an earlier version saved have no owner and Google names no file owner (a
 * spreadsheet in a shared drive has none): any editor could claim it, so nobody may.
 */
export const UNCLAIMABLE =
  'Uptake’s Settings here were saved by an earlier version that kept no owner, and Google does not say who ' +
  'owns this spreadsheet (it is in a shared drive), so Uptake cannot tell who may take it over: it will not ' +
  'let any editor make themselves the owner. To take it over, move the spreadsheet to your own Drive (a ' +
  'shared drive manager can), or make a copy of it and use Uptake there.';

/** "Only the owner … can <does>", naming the owner, or saying why the caller cannot be told apart. */
export function refusal(caller: Caller, does: string): NotOwnerError {
  if (caller.email && !caller.owner && !caller.claimable)
    return new NotOwnerError(`Only the owner of Uptake for this spreadsheet can ${does}. ${UNCLAIMABLE}`);
  if (!caller.email)
    return new NotOwnerError(
      `Only the owner of Uptake for this spreadsheet can ${does}, and Google did not give Uptake your email ` +
        'address, so it cannot tell whether you are. You can still log runs and see your week.',
    );
  return new NotOwnerError(
    `Only the owner of Uptake for this spreadsheet (${caller.owner}) can ${does}. ` +
      'You can log runs and see your week; ask the owner for anything else.',
  );
}
