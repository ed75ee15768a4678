// SPDX-License-Identifier: MIT
// What the interop tests share: TAP output, the fixtures, running weft and
// the date-bounds helper. Each test is run as
//   node TEST.mjs WEFT DATE_BOUNDS
// by run.py, which says why when it cannot run (a TAP skip).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const weftPath = process.argv[2];
export const dateBoundsPath = process.argv[3];

// The bundled example, the query tests' network, and this folder's edge cases.
export const fixtures = [
  path.join(root, 'data', 'examples', 'smart-cities.weft'),
  path.join(root, 'tests', 'data', 'network.weft'),
  path.join(here, 'edge-cases.weft'),
];

export class Tap {
  constructor () {
    this.n = 0;
    this.failed = 0;
  }

  ok (condition, message, diagnostic) {
    this.n++;
    if (!condition) this.failed++;
    console.log(`${condition ? 'ok' : 'not ok'} ${this.n} - ${message.replace(/\n/g, ' ')}`);
    if (!condition && diagnostic !== undefined)
      for (const line of String(typeof diagnostic === 'string' ? diagnostic : JSON.stringify(diagnostic)).split('\n'))
        console.log(`# ${line}`);
    return condition;
  }

  equal (actual, expected, message) {
    const a = JSON.stringify(actual);
    const b = JSON.stringify(expected);
    return this.ok(a === b, message, `got ${a}, expected ${b}`);
  }

  comment (text) {
    for (const line of String(text).split('\n')) console.log(`# ${line}`);
  }

  end () {
    console.log(`1..${this.n}`);
    process.exitCode = this.failed > 0 || this.n === 0 ? 1 : 0;
  }
}

export function weft (...args) {
  const r = spawnSync(weftPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`weft ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

export function tempDir (name) {
  const dir = mkdtempSync(path.join(tmpdir(), `weft-interop-${name}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// @file as weft writes it to @format, in @dir; returns the path.
export function convert (file, format, extension, dir) {
  const out = path.join(dir, `${path.basename(file, '.weft')}.${extension}`);
  weft('convert', '-q', file, out, '--to', format);
  return out;
}

export function readJson (file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

// Each EDTF string's bounds as Weft reads them (tests/date-bounds.c):
// { ok: true, first, last } with ISO days or "open"/"unknown", or
// { ok: false }.
export function dateBounds (texts) {
  const r = spawnSync(dateBoundsPath, [], { input: texts.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`date-bounds exited ${r.status}: ${r.stderr}`);
  const lines = r.stdout.split('\n').filter((l) => l !== '');
  if (lines.length !== texts.length) throw new Error(`date-bounds answered ${lines.length} lines for ${texts.length}`);
  return lines.map((line) => {
    const [status, first, last] = line.split(' ');
    return status === 'ok' ? { ok: true, first, last } : { ok: false };
  });
}

// The items of a .weft file by id, with their section.
export function itemsById (data) {
  const items = new Map();
  for (const section of ['sources', 'entities', 'events', 'claims', 'relations', 'eras'])
    for (const item of data[section] || []) items.set(item.id, { section, item });
  return items;
}
