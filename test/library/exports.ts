/**
 * The public surface as the TypeScript compiler sees it: the exports of each entry point, and
 * for each export whether the TSDoc at its definition has an @example. Shared by the API reference drift test.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export const ENTRY_POINTS = {
  'crowdsec-webhook-mock': 'src/index.ts',
  'crowdsec-webhook-mock/vitest': 'src/testing/vitest.ts',
  'crowdsec-webhook-mock/testcontainers': 'src/testing/testcontainers.ts',
} as const;

export type EntryPoint = keyof typeof ENTRY_POINTS;

export interface ExportInfo {
  name: string;
  /** True when the TSDoc at its definition (or at a property it re-exports) has an @example. */
  hasExample: boolean;
  /** Where it is defined, relative to the repository. */
  definedIn: string;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function hasExample(declaration: ts.Declaration): boolean {
  return ts.getJSDocTags(declaration).some((t) => t.tagName.text === 'example');
}

/** Every export of every entry point, with what its definition documents. */
export function publicExports(): Record<EntryPoint, ExportInfo[]> {
  const files = Object.values(ENTRY_POINTS).map((f) => `${ROOT}${f}`);
  const program = ts.createProgram(files, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const result = {} as Record<EntryPoint, ExportInfo[]>;
  for (const [entry, file] of Object.entries(ENTRY_POINTS) as [EntryPoint, string][]) {
    const source = program.getSourceFile(`${ROOT}${file}`);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol) throw new Error(`cannot read the exports of ${file}`);
    result[entry] = checker.getExportsOfModule(moduleSymbol).map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const declarations = target.getDeclarations() ?? [];
      // A `const X = ...` carries its comment on the statement, which getJSDoc reaches from the declaration.
      return {
        name: symbol.name,
        hasExample: declarations.some(hasExample),
        definedIn: declarations[0]?.getSourceFile().fileName.replace(ROOT, '') ?? '?',
      };
    });
  }
  return result;
}
