/**
 * The shape of src/ (docs/architecture.md), checked on every run: which folders may import
 * which, that folder imports form no cycle, that only src/db/ talks to the driver, and that
 * every query file has exactly one repository. Imports are read with the TypeScript compiler's
 * parser (static, re-exports and dynamic `import()`), type-only imports included: a type
 * import ties two folders together as much as a value import does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { PROJECT_ROOT } from '../../src/config/paths.js';

/** Base folders: everything may use them; they import nothing but each other. */
const BASE = ['config', 'errors', 'logging', 'db'];
/** The vocabulary (enums, scalars, paging) and request context every feature uses: base only. */
const COMMON = ['shared', 'request'];
/**
 * The composition root: src/*.ts (app, main) and src/graph/ (schema, repositories and loaders
 * of a request, HTTP and WebSocket plumbing). The only folders that know every feature; no
 * other folder imports them.
 */
const ROOT = ['(root)', 'graph'];

const SRC = join(PROJECT_ROOT, 'src');

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

interface Import {
  /** The importing file, relative to src/ ("actors/actor.resolver.ts"). */
  file: string;
  /** As written: "../db/executor.js", "neo4j-driver". */
  specifier: string;
  /** For relative imports, the imported file relative to src/. */
  target: string | null;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function importsOf(file: string): Import[] {
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) specifiers.push(argument.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      specifiers.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(parse(file));
  return specifiers.map((specifier) => ({
    file: relative(SRC, file),
    specifier,
    target: specifier.startsWith('.') ? relative(SRC, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts') : null,
  }));
}

/** The folder of a file relative to src/: "actors", or "(root)" for src/app.ts. */
function folderOf(file: string): string {
  const parts = file.split(sep);
  return parts.length > 1 ? (parts[0] as string) : '(root)';
}

const sourceFiles = filesUnder(SRC, '.ts');
const imports = sourceFiles.flatMap(importsOf);
const folderImports = imports.filter((i) => i.target !== null && folderOf(i.file) !== folderOf(i.target));
const describeImport = (i: Import) => `src/${i.file} imports ${i.specifier}`;

/** The first cycle of the folder graph, as a list of folders from one back to itself. */
function findCycle(edges: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (folder: string): string[] | null => {
    state.set(folder, 'open');
    path.push(folder);
    for (const next of [...(edges.get(folder) ?? [])].sort()) {
      if (state.get(next) === 'open') return [...path.slice(path.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    path.pop();
    state.set(folder, 'done');
    return null;
  };
  for (const folder of [...edges.keys()].sort()) {
    if (!state.has(folder)) {
      const cycle = visit(folder);
      if (cycle) return cycle;
    }
  }
  return null;
}

describe('architecture (docs/architecture.md)', () => {
  it('reads the imports of every file under src/', () => {
    // A parser that found nothing would pass every rule below.
    expect(sourceFiles.length).toBeGreaterThan(100);
    expect(folderImports.length).toBeGreaterThan(100);
    expect(imports.some((i) => i.file === join('actors', 'actor.resolver.ts') && i.specifier === '../request/context.js')).toBe(true);
  });

  it('lets only src/db/ import neo4j-driver', () => {
    const offenders = imports.filter((i) => /^neo4j-driver(\/|$)/.test(i.specifier) && folderOf(i.file) !== 'db').map(describeImport);
    expect(offenders).toEqual([]);
  });

  it('keeps base folders free of features: base imports base, shared and request import base', () => {
    const allowed = (from: string, to: string) => (BASE.includes(from) ? BASE.includes(to) : COMMON.includes(from) ? [...BASE, ...COMMON].includes(to) : true);
    const offenders = folderImports.filter((i) => !allowed(folderOf(i.file), folderOf(i.target as string))).map(describeImport);
    expect(offenders).toEqual([]);
  });

  it('lets only the composition root (src/*.ts, src/graph/) know the composition root', () => {
    const offenders = folderImports.filter((i) => ROOT.includes(folderOf(i.target as string)) && !ROOT.includes(folderOf(i.file))).map(describeImport);
    expect(offenders).toEqual([]);
  });

  it('keeps resolvers away from the executor: they call repositories, loaders and ctx.services', () => {
    const resolvers = sourceFiles.filter((file) => file.endsWith('.resolver.ts'));
    expect(resolvers.length).toBeGreaterThan(20);
    const offenders = resolvers.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const uses = [/\.executor\b/.test(text) && 'uses .executor', /db\/executor\.js/.test(text) && 'imports db/executor'].filter(Boolean);
      return uses.map((use) => `${relative(SRC, file)} ${String(use)}`);
    });
    expect(offenders).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    const edges = new Map<string, Set<string>>();
    for (const i of folderImports) {
      const from = folderOf(i.file);
      edges.set(from, (edges.get(from) ?? new Set()).add(folderOf(i.target as string)));
    }
    const cycle = findCycle(edges);
    // On failure: the cycle, and for each step the imports that make it.
    const explained = cycle?.slice(1).map((to, index) => {
      const from = cycle[index] as string;
      const why = folderImports.filter((i) => folderOf(i.file) === from && folderOf(i.target as string) === to).map(describeImport);
      return `${from} -> ${to}: ${why.join('; ')}`;
    });
    expect(cycle ? [cycle.join(' -> '), ...(explained ?? [])] : null).toBeNull();
  });

  it('names every query file in exactly one repository, and nowhere else', () => {
    // Query files: cypher/**/*.cypher except the schema and data migrations, which the
    // database state applies in order by listing cypher/schema/ and cypher/migrate/ (no code
    // names them), and the benchmark's own queries in cypher/bench/ (named by scripts/bench*,
    // which src/ never names).
    const cypherDir = join(PROJECT_ROOT, 'cypher');
    const names = filesUnder(cypherDir, '.cypher').map((file) => relative(cypherDir, file).replace(/\.cypher$/, ''));
    const queryNames = names.filter((name) => !name.startsWith('schema/') && !name.startsWith('migrate/') && !name.startsWith('bench/'));
    expect(queryNames.length).toBeGreaterThan(50);

    // Every string literal of src/ that is a query name (or a template that builds one).
    const namedIn = new Map<string, string[]>();
    const known = new Set(names);
    const cypherFolders = new Set(names.map((name) => name.split('/')[0] as string));
    for (const file of sourceFiles) {
      const visit = (node: ts.Node) => {
        if (ts.isStringLiteralLike(node) && known.has(node.text)) {
          namedIn.set(node.text, [...(namedIn.get(node.text) ?? []), relative(SRC, file)]);
        } else if (ts.isTemplateExpression(node) && cypherFolders.has(node.head.text.split('/')[0] as string) && node.head.text.includes('/')) {
          // A name built at run time cannot be traced to its file.
          namedIn.set(`${node.head.text}\${…}`, [...(namedIn.get(`${node.head.text}\${…}`) ?? []), relative(SRC, file)]);
        }
        ts.forEachChild(node, visit);
      };
      visit(parse(file));
    }

    // Query name -> what is wrong with it.
    const problems = new Map<string, string>();
    for (const name of queryNames) {
      const files = [...new Set(namedIn.get(name) ?? [])];
      if (files.length === 1 && (files[0] as string).endsWith('.repository.ts')) continue;
      problems.set(name, files.length === 0 ? `${name}: named by no file` : `${name}: named in ${files.join(', ')}`);
    }
    for (const name of names.filter((n) => !queryNames.includes(n))) {
      if (namedIn.has(name)) problems.set(name, `${name}: named in ${namedIn.get(name)?.join(', ')}, but is not a query of the service`);
    }
    for (const [name, files] of namedIn) if (name.endsWith('${…}')) problems.set(name, `${name}: a query name built at run time, in ${files.join(', ')}`);

    expect([...problems.values()]).toEqual([]);
  });
});
