/**
 * Notebooks are committed without outputs: diffs stay readable, and no stale figure or data
 * (or anything a local run printed) travels with the repository. Clear them with JupyterLab's
 * "Clear Outputs of All Cells" or `.venv/bin/python notebooks/run_notebooks.py --clear`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { PROJECT_ROOT } from '../../src/config/paths.js';

const NOTEBOOK_DIR = join(PROJECT_ROOT, 'notebooks');
const notebooks = readdirSync(NOTEBOOK_DIR).filter((name) => name.endsWith('.ipynb'));

interface Cell {
  cell_type: string;
  outputs?: unknown[];
  execution_count?: number | null;
  metadata?: Record<string, unknown>;
}

describe('notebooks/*.ipynb', () => {
  it('exist', () => {
    expect(notebooks).toContain('negotiations.ipynb');
  });

  it.each(notebooks)('%s has its outputs cleared', (name) => {
    const notebook = JSON.parse(readFileSync(join(NOTEBOOK_DIR, name), 'utf8')) as { cells: Cell[]; metadata: Record<string, unknown> };
    const code = notebook.cells.filter((cell) => cell.cell_type === 'code');
    expect(code.length).toBeGreaterThan(0);
    for (const [index, cell] of code.entries()) {
      expect(cell.outputs, `code cell ${index} has outputs`).toEqual([]);
      expect(cell.execution_count ?? null, `code cell ${index} has an execution count`).toBeNull();
    }
    // nbclient and nbconvert record run timings in cell metadata; they are outputs too.
    for (const [index, cell] of notebook.cells.entries()) expect(cell.metadata ?? {}, `cell ${index} has run timings`).not.toHaveProperty('execution');
    expect(notebook.metadata['kernelspec']).toMatchObject({ name: 'python3', language: 'python' });
  });
});
