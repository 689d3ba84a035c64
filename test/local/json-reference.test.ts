// docs/json.md, the `--json` reference, against what the command prints: every key of the
// output's type (JsonOutput in local/json.ts, read with the TypeScript compiler) has a row in the
// reference and every row names a key of it; and every key the example actually prints is one of
// the type's (a value spread in at run time can carry keys no type names).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { bundleCliInto, removeTemp, ROOT, runCli, tempDir } from './support';

const REFERENCE = 'docs/json.md';
const OUTPUT_TYPE = 'JsonOutput';
const OUTPUT_TYPE_FILE = 'local/json.ts';

/** "team.adoptionRate", "members[].sixWeek.status": a key, with `[]` for each array on the way. */
type KeyPath = string;

/** The key paths of JsonOutput: optional keys, null-or-object values and unions included. */
function typeKeyPaths(): Set<KeyPath> {
  const configFile = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  const file = path.join(ROOT, OUTPUT_TYPE_FILE);
  const program = ts.createProgram([file], { ...options, types: [], noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const alias = source?.statements.find(
    (s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === OUTPUT_TYPE,
  );
  if (!source || !alias) throw new Error(`${OUTPUT_TYPE_FILE} no longer exports the type ${OUTPUT_TYPE}`);
  const paths = new Set<KeyPath>();
  const walk = (type: ts.Type, prefix: KeyPath, depth: number): void => {
    if (depth > 12) throw new Error(`${prefix}: the output type nests too deep (recursive?)`);
    const types = type.isUnion() ? type.types : [type];
    for (const member of types) {
      if (checker.isArrayType(member) || checker.isTupleType(member)) {
        for (const element of checker.getTypeArguments(member as ts.TypeReference))
          walk(element, `${prefix}[]`, depth + 1);
      } else if (
        member.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection) &&
        !member.getCallSignatures().length
      ) {
        for (const property of checker.getPropertiesOfType(member)) {
          const key = prefix ? `${prefix}.${property.name}` : property.name;
          paths.add(key);
          walk(checker.getTypeOfSymbolAtLocation(property, alias), key, depth + 1);
        }
      }
    }
  };
  walk(checker.getTypeAtLocation(alias.name), '', 0);
  return paths;
}

/** The key paths in the reference's tables: each row starts with the path in backticks. */
function documentedKeyPaths(): Set<KeyPath> {
  const text = fs.readFileSync(path.join(ROOT, REFERENCE), 'utf8');
  const paths = new Set<KeyPath>();
  for (const match of text.matchAll(/^\| `([A-Za-z][\w.[\]]*)` \|/gm)) paths.add(match[1]);
  return paths;
}

/** The key paths of a printed value, in the same notation. */
function printedKeyPaths(value: unknown, prefix = '', paths = new Set<KeyPath>()): Set<KeyPath> {
  if (Array.isArray(value)) for (const element of value) printedKeyPaths(element, `${prefix}[]`, paths);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const keyPath = prefix ? `${prefix}.${key}` : key;
      paths.add(keyPath);
      printedKeyPaths(inner, keyPath, paths);
    }
  }
  return paths;
}

const missingFrom = (all: Set<KeyPath>, from: Set<KeyPath>) => [...all].filter((p) => !from.has(p)).sort();

describe(`${REFERENCE}, the --json reference`, () => {
  const inType = typeKeyPaths();
  const documented = documentedKeyPaths();

  test('the output type has keys at every level (the reading of the type works)', () => {
    expect(inType.size).toBeGreaterThan(50);
    expect([...inType]).toEqual(expect.arrayContaining(['asOf', 'team.adoptionRate', 'members[].sixWeek.status']));
  });

  test(`documents every key of ${OUTPUT_TYPE} (${OUTPUT_TYPE_FILE})`, () => {
    const undocumented = missingFrom(inType, documented);
    if (undocumented.length) {
      throw new Error(
        `Add a row to a table of ${REFERENCE} for each key the --json output has and the reference does not ` +
          `(| \`key.path\` | type | meaning |):\n  ${undocumented.join('\n  ')}`,
      );
    }
  });

  test('documents no key the output does not have', () => {
    const stale = missingFrom(documented, inType);
    if (stale.length) {
      throw new Error(
        `${REFERENCE} documents keys that ${OUTPUT_TYPE} (${OUTPUT_TYPE_FILE}) does not have: remove or rename their rows:\n  ${stale.join('\n  ')}`,
      );
    }
  });

  describe('what the example prints', () => {
    let work: string;
    let printed: Set<KeyPath>;
    beforeAll(() => {
      work = tempDir();
      const run = runCli(bundleCliInto(work), ['--json', '--out', path.join(work, 'out')], work);
      expect(run.status).toBe(0);
      printed = printedKeyPaths(JSON.parse(run.stdout));
    });
    afterAll(() => removeTemp(work));

    test(`prints only keys ${OUTPUT_TYPE} names`, () => {
      const untyped = missingFrom(printed, inType);
      if (untyped.length) {
        throw new Error(
          `The --json output prints keys that ${OUTPUT_TYPE} (${OUTPUT_TYPE_FILE}) does not name: add them to the type ` +
            `(then to ${REFERENCE}), or stop printing them:\n  ${untyped.join('\n  ')}`,
        );
      }
      expect(printed.size).toBeGreaterThan(50);
    });
  });
});
