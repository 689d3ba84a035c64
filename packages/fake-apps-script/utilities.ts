// The global Utilities: getUuid only, a random UUID as Apps Script's ("Class Utilities",
// getUuid(): "equivalent to using the java.util.UUID.randomUUID() method",
// https://developers.google.com/apps-script/reference/utilities/utilities#getUuid()).
import { randomUUID } from 'node:crypto';
import type { FakeInfo } from './boundary';

type GUtilities = GoogleAppsScript.Utilities.Utilities;

export class FakeUtilities implements Pick<GUtilities, 'getUuid'> {
  static readonly fakeInfo: FakeInfo = { service: 'utilities', cls: 'Utilities' };
  getUuid(): string {
    return randomUUID();
  }
}
