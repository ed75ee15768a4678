// SPDX-License-Identifier: MIT
// graphology-gexf and graphology-graphml read Weft's GEXF and GraphML
// exports: node and edge counts, labels (names with backslashes and
// markup), and the dates: GEXF spells (read with xmldom, which graphology
// leaves out) and GraphML start/end, where an open or unknown end has no
// bound.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Graph from 'graphology';
import gexf from 'graphology-gexf';
import graphml from 'graphology-graphml';
import { DOMParser } from '@xmldom/xmldom';
import { Tap, convert, dateBounds, fixtures, itemsById, readJson, tempDir } from './lib.mjs';

const t = new Tap();
const dir = tempDir('graphs');

// Spells written by hand for the edge cases: [start, end], null when there
// is no bound.
const handPicked = {
  'rel-unknown-end': ['2019-01-01', null],
  'rel-unknown-start': [null, '2019-12-31'],
  'rel-open': ['2019-05-01', null],
  'rel-decade': ['1850-01-01', '1859-12-31'],
  'rel-month': ['2021-10-01', '2021-10-31'],
  'ev-bce-decade': ['-0049-01-01', '-0040-12-31'],
  'ev-unknown-end': ['2015-01-01', null],
  'ev-unknown-start': [null, '2012-12-31'],
  'ev-open': ['2019-01-01', null],
  'ev-season': ['2021-03-01', '2021-05-31'],
};

function label (entry) {
  const item = entry.item;
  return item.name ?? item.title ?? item.text ?? item.id;
}

// What weft's graph exports hold: nodes (entities, events, then whatever
// else relations name) and edges (relations, then participations).
function expectedGraph (data) {
  const items = itemsById(data);
  const nodes = [...(data.entities || []), ...(data.events || [])].map((i) => i.id);
  for (const r of data.relations || [])
    for (const end of [r.from, r.to]) if (!nodes.includes(end)) nodes.push(end);
  const edges = [];
  for (const r of data.relations || [])
    edges.push({ id: r.id, source: r.from, target: r.to, label: r.label ?? r.type, date: r.date });
  for (const e of data.events || [])
    (e.participants || []).forEach((p, i) =>
      edges.push({ id: `${e.id}/participant/${i}`, source: p.entity, target: e.id, label: p.role ?? 'participant', date: e.date }));
  return { items, nodes, edges };
}

// The graph graphology reads from @text, checked against what it should
// hold: nodes, edges, their labels. NULL when it cannot read it.
function readGraph (what, parse, text, { items, nodes, edges }, unlabelled) {
  let g;
  try {
    g = parse(Graph, text);
  } catch (e) {
    t.ok(false, `${what}: graphology reads it`, e.message);
    return null;
  }
  t.ok(true, `${what}: graphology reads it`);
  t.equal(g.order, nodes.length, `${what} has ${nodes.length} nodes`);
  t.equal(g.size, edges.length, `${what} has ${edges.length} edges`);
  const wrongLabels = nodes.filter((id) => !g.hasNode(id) || g.getNodeAttribute(id, 'label') !== label(items.get(id)));
  t.ok(wrongLabels.length === 0, `${what}: every node label is the name or title as written`, wrongLabels.slice(0, 5));
  // @unlabelled: what an edge without a label stands for.
  const wrongEdges = edges.filter((e) => !g.hasEdge(e.id) || g.source(e.id) !== e.source || g.target(e.id) !== e.target ||
                                         (g.getEdgeAttribute(e.id, 'label') ?? unlabelled) !== e.label);
  t.ok(wrongEdges.length === 0, `${what}: every edge joins its ends, labelled with the relation's label or type, or the role`,
       wrongEdges.slice(0, 5));
  return g;
}

function bounds (date, known) {
  if (date === undefined) return null;
  const b = known.get(date);
  return [b.first, b.last].map((x) => (x === 'open' || x === 'unknown' ? null : x));
}

for (const file of fixtures) {
  const name = path.basename(file);
  const data = readJson(file);
  const { items, nodes, edges } = expectedGraph(data);
  const dates = [...new Set([...edges.map((e) => e.date), ...(data.events || []).map((e) => e.date)].filter((d) => d !== undefined))];
  const known = new Map(dateBounds(dates).map((b, i) => [dates[i], b]));

  // GEXF
  const gexfText = readFileSync(convert(file, 'gexf', 'gexf', dir), 'utf8');
  readGraph(`${name}: GEXF`, gexf.parse, gexfText, { items, nodes, edges }, null);

  // GEXF spells, which graphology does not read.
  const doc = new DOMParser().parseFromString(gexfText, 'application/xml');
  const spells = new Map();
  for (const tag of ['node', 'edge']) {
    const elements = doc.getElementsByTagName(tag);
    for (let i = 0; i < elements.length; i++) {
      const s = elements[i].getElementsByTagName('spell');
      spells.set(`${tag}:${elements[i].getAttribute('id')}`,
                 s.length === 0 ? null : [s[0].getAttribute('start') || null, s[0].getAttribute('end') || null]);
    }
  }
  const spellProblems = [];
  for (const id of nodes) {
    const date = items.get(id).section === 'entities' ? undefined : items.get(id).item.date;
    const want = bounds(date, known);
    if (JSON.stringify(spells.get(`node:${id}`)) !== JSON.stringify(want)) spellProblems.push({ id, got: spells.get(`node:${id}`), want });
  }
  for (const e of edges) {
    const want = bounds(e.date, known);
    if (JSON.stringify(spells.get(`edge:${e.id}`)) !== JSON.stringify(want)) spellProblems.push({ id: e.id, got: spells.get(`edge:${e.id}`), want });
  }
  t.ok(spellProblems.length === 0, `${name}: every GEXF spell runs from the first to the last day, without an open or unknown bound`,
       spellProblems.slice(0, 5));
  for (const [id, want] of Object.entries(handPicked)) {
    if (!items.has(id)) continue;
    t.equal(spells.get(`${items.get(id).section === 'relations' ? 'edge' : 'node'}:${id}`), want,
            `${name}: ${id} (${items.get(id).item.date}) has the spell ${JSON.stringify(want)}`);
  }

  // GraphML
  const graphmlText = readFileSync(convert(file, 'graphml', 'graphml', dir), 'utf8');
  // GraphML writes no label for a participation without a role.
  const h = readGraph(`${name}: GraphML`, graphml.parse, graphmlText, { items, nodes, edges }, 'participant');
  if (h) {
    const dateProblems = [];
    for (const e of edges) {
      const want = bounds(e.date, known) ?? [null, null];
      const got = h.hasEdge(e.id) ? [h.getEdgeAttribute(e.id, 'start') ?? null, h.getEdgeAttribute(e.id, 'end') ?? null] : null;
      if (JSON.stringify(got) !== JSON.stringify(want)) dateProblems.push({ id: e.id, got, want });
    }
    t.ok(dateProblems.length === 0, `${name}: every GraphML edge's start and end are its first and last day, without an open or unknown bound`,
         dateProblems.slice(0, 5));
  }
}

t.end();
