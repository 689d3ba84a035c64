/** The logging form's links in the programme's emails (rules §16): one per member, to forward. */
import type { FormLinks } from '../base/types';
import type { EmailBlock } from '../mail/email';

/**
 * Each member's pre-filled link to the logging form, their name already chosen, for the
 * follow-up owner to forward; the plain link for a name the form does not offer (yet). Nothing
 * when the spreadsheet has no logging form.
 */
export function prefilledLinkBlocks(names: readonly string[], form: FormLinks | null | undefined): EmailBlock[] {
  if (!form || names.length === 0) return [];
  const links: EmailBlock[] = names.map((name) => {
    const url = form.prefilledFor(name);
    return url
      ? { kind: 'link', label: `${name}: the logging form, name already chosen`, url }
      : { kind: 'link', label: `${name}: the logging form (their name is not in its list yet)`, url: form.url };
  });
  return [
    {
      kind: 'paragraph',
      text:
        names.length === 1
          ? 'Forward them this link: it opens the team’s logging form with their name already chosen, so a run is logged from a phone in seconds.'
          : 'Forward each of them their link: it opens the team’s logging form with their name already chosen, so a run is logged from a phone in seconds.',
    },
    ...links,
  ];
}
