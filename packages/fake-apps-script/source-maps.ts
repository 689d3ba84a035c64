// Stack traces of the loaded bundle in terms of its sources: a frame in a script that has a source
// map (Source Map Revision 3, https://sourcemaps.info/spec.html) is rewritten to the original
// file, line and column, so an error names src/… and not Code.js:3:48213.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceMap, type SourceMapPayload } from 'node:module';

/** The source maps of a bundle's scripts, by the script's file name as its stack frames show it. */
export class StackMapper {
  private constructor(private readonly maps: Map<string, { map: SourceMap; dir: string }>) {}

  /** Reads `<mapDir>/<name>.map` for each script file that has one. */
  static forScripts(files: string[], mapDir: string | undefined): StackMapper | null {
    if (!mapDir) return null;
    const maps = new Map<string, { map: SourceMap; dir: string }>();
    for (const file of files) {
      const mapFile = path.join(mapDir, `${path.basename(file)}.map`);
      if (!fs.existsSync(mapFile)) continue;
      const payload = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as SourceMapPayload;
      maps.set(file, { map: new SourceMap(payload), dir: path.dirname(mapFile) });
    }
    return maps.size > 0 ? new StackMapper(maps) : null;
  }

  /** `stack` with each frame of a mapped script pointing at its original source. */
  rewrite(stack: string): string {
    return stack.replace(
      /(\(|at )([^()\s][^()]*?):(\d+):(\d+)(?=\)|$)/gm,
      (frame, before: string, file: string, line: string, column: string) => {
        const entry = this.maps.get(file);
        if (!entry) return frame;
        const found = entry.map.findEntry(Number(line) - 1, Number(column) - 1) as {
          originalSource?: string;
          originalLine?: number;
          originalColumn?: number;
        };
        if (found.originalSource === undefined || found.originalLine === undefined) return frame;
        const source = path.resolve(entry.dir, found.originalSource);
        return `${before}${source}:${found.originalLine + 1}:${(found.originalColumn ?? 0) + 1}`;
      },
    );
  }
}
