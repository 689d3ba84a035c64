/**
 * "Import usage export" (rules §15, owner only): the owner picks a tool's CSV export; the page
 * reads it with FileReader, refuses text that is not UTF-8 (a Latin-1 "José" would match nobody
 * on the roster) or too long, and sends the text to importUsageExport, which writes it as-is
 * into a new sheet. The server's answer, or its refusal, shows below the file chooser.
 */
import { importTooLong, IMPORT_MAX_CHARS, NOTHING_WRITTEN } from '../core/usage/import';
import { firstNonUtf8Line } from '../core/base/utf8';
import { byId } from './dom';
import type { Feedback } from './feedback';
import { server } from './server';

/** UTF-16 units a UTF-8 file of this many bytes holds at least (3 bytes make at most 1 unit). */
const MAX_BYTES = IMPORT_MAX_CHARS * 3;

function readBytes(file: File): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () =>
      reject(new Error(`${file.name} could not be read (${reader.error?.message ?? 'unknown error'}).`));
    reader.readAsArrayBuffer(file);
  });
}

/** The file's text, or why not: the first line that is not UTF-8. */
function decode(bytes: Uint8Array, name: string): string {
  const bad = firstNonUtf8Line(bytes);
  if (bad)
    throw new Error(
      `${name} is not UTF-8 text (line ${bad.line} holds characters in another encoding). ` +
        `In Excel save it as "CSV UTF-8 (Comma delimited)", or download the export again, and choose it again. ${NOTHING_WRITTEN}`,
    );
  return new TextDecoder('utf-8').decode(bytes);
}

async function fileText(file: File): Promise<string> {
  const early = file.size > MAX_BYTES ? importTooLong(file.name, file.size) : null;
  if (early) throw new Error(`${early} ${NOTHING_WRITTEN}`);
  const text = decode(new Uint8Array(await readBytes(file)), file.name);
  const tooLong = importTooLong(file.name, text.length);
  if (tooLong) throw new Error(`${tooLong} ${NOTHING_WRITTEN}`);
  return text;
}

/** Wires the file chooser; `imported` runs after a sheet was written (to reload the dashboard). */
export function wireUsageImport(feedback: Feedback, imported: () => Promise<void>): void {
  const input = byId<HTMLInputElement>('usage-file');
  const message = byId('usage-import-message');
  const show = (text: string, failed: boolean) => {
    message.textContent = text;
    message.classList.toggle('error-message', failed);
    message.setAttribute('role', failed ? 'alert' : 'status');
    message.hidden = false;
  };
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    message.hidden = true;
    const result = await feedback.run(
      `Importing ${file.name}…`,
      async () => server.importUsageExport({ fileName: file.name, text: await fileText(file) }),
      (failure) => show(failure, true),
    );
    // The same file may be chosen again (after fixing it): a change event needs an empty chooser.
    input.value = '';
    if (!result) return;
    show(result.message, false);
    await imported();
  });
}
