// SPDX-License-Identifier: MIT
// The FollowTheMoney model (@alephdata/followthemoney) accepts every entity
// of Weft's FtM exports: its schema and property names, the range of
// entity-valued properties, the required properties and the date values.
// And a dataset built with that library (people, companies, ownerships,
// directorships, memberships, an event, documents and a documentation)
// imports into Weft with the right counts and mapping.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ftm from '@alephdata/followthemoney';
import { Tap, convert, fixtures, readJson, tempDir, weft } from './lib.mjs';

const { Model, defaultModel } = ftm;
const model = new Model(defaultModel);
const t = new Tap();
const dir = tempDir('ftm');

// An FtM date is a prefix of an ISO 8601 date and time (the model's date
// type), of a real calendar day.
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2}))?)?)?)?)?$/;

function dateProblem (value) {
  const m = DATE.exec(value);
  if (!m) return 'not an FtM date';
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x)));
  if (mo !== undefined && (mo < 1 || mo > 12)) return 'month out of range';
  if (d !== undefined && (d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate())) return 'day out of range';
  if (h > 23 || mi > 59 || s > 59) return 'time out of range';
  return null;
}

// Every problem the model finds in FtM JSON lines.
function check (text) {
  const problems = [];
  const byId = new Map();
  const lines = text.split('\n').filter((l) => l !== '');
  for (const line of lines) {
    const raw = JSON.parse(line);
    try {
      const entity = model.getEntity(raw);   // an unknown schema or property throws
      if (entity.schema.abstract) problems.push(`${raw.id}: the schema ${entity.schema.name} is abstract`);
      byId.set(raw.id, entity);
    } catch (e) {
      problems.push(`${raw.id}: ${e.message ?? e}`);
    }
  }
  for (const entity of byId.values()) {
    for (const name of entity.schema.required)
      if (!entity.hasProperty(name)) problems.push(`${entity.id} (${entity.schema.name}): no ${name}, which is required`);
    for (const prop of entity.getProperties()) {
      for (const value of entity.getProperty(prop)) {
        if (prop.type.name === 'entity') {
          const target = byId.get(value);
          if (target === undefined) problems.push(`${entity.id}: ${prop.name} names ${value}, which is not in the file`);
          else if (prop.hasRange && !target.schema.isA(prop.getRange()))
            problems.push(`${entity.id} (${entity.schema.name}): ${prop.name} takes a ${prop.getRange().name}, ` +
                          `and ${value} is ${/^[AEIOU]/.test(target.schema.name) ? 'an' : 'a'} ${target.schema.name}`);
        } else if (prop.type.name === 'date') {
          const why = dateProblem(value);
          if (why) problems.push(`${entity.id}: ${prop.name} ${JSON.stringify(value)}: ${why}`);
        }
      }
    }
  }
  return { problems, lines: lines.length };
}

// 1. Weft's exports.
for (const file of fixtures) {
  const name = path.basename(file);
  const data = readJson(file);
  const { problems, lines } = check(readFileSync(convert(file, 'ftm', 'ftm', dir), 'utf8'));
  const items = ['sources', 'entities', 'events', 'claims', 'relations', 'eras'].reduce((n, s) => n + (data[s] || []).length, 0);
  t.ok(problems.length === 0, `${name}: the FtM model accepts all ${lines} entities (schemata, properties, ranges, required, dates)`,
       problems.join('\n'));
  t.ok(lines >= items, `${name}: every item is an FtM entity (${items} items, ${lines} lines)`);
}

// Dates FtM cannot say are not claimed with a precision they lack.
{
  const text = readFileSync(path.join(dir, 'edge-cases.ftm'), 'utf8');
  const lines = new Map(text.split('\n').filter((l) => l).map((l) => [JSON.parse(l).id, JSON.parse(l)]));
  const decade = lines.get('ev-decade');
  t.ok(!decade.properties.date && !decade.properties.startDate, 'ev-decade (185X) has no FtM date: 1850 would claim the year');
  t.equal(decade.weft?.date, '185X', 'ev-decade keeps its EDTF under weft');
  t.equal(lines.get('ev-markup').properties.addressEntity, ['ent-place'], 'a place taking part is the event\'s addressEntity');
  t.equal(lines.get('ev-markup').properties.involved, ['ent-co'], 'a company taking part is involved');
  t.equal(lines.get('ev-markup').properties.organizer, ['ent-person'], 'the organizer is the organizer');
  t.equal(lines.get('ev-markup-participant-2')?.properties, { subject: ['ev-markup'], object: ['ent-tech'], role: ['installed'] },
          'a technology taking part is linked from the event, with its role');
  t.equal(['src-report', 'src-survey', 'src-book', 'src-other'].map((id) => lines.get(id).schema), ['Pages', 'Pages', 'Pages', 'Pages'],
          'reports, surveys, books and other sources are Pages, which need no file');
  t.equal(lines.get('rel-unknown-end').properties, { subject: ['ent-co'], object: ['ent-gov'], startDate: ['2019'] },
          'a relation with an unknown end has a startDate and no endDate');
}

// 2. A dataset made with the FtM library.
function make (schema, id, properties) {
  const entity = model.createEntity(schema);
  entity.id = id;
  for (const [name, values] of Object.entries(properties))
    for (const value of [].concat(values)) entity.setProperty(name, value);
  return entity;
}

const made = [
  make('Person', 'p-ada', { name: 'Ada Lovelace', nationality: 'gb', birthDate: '1815-12-10', deathDate: '1852-11-27' }),
  make('Person', 'p-charles', { name: 'Charles Babbage', alias: 'The Irascible Genius' }),
  make('Company', 'c-engines', { name: 'Analytical Engines Ltd', jurisdiction: 'gb', incorporationDate: '1834' }),
  make('Company', 'c-holding', { name: 'Holding & <Co>', country: 'gb' }),
  make('Organization', 'o-society', { name: 'Royal Society' }),
  make('Ownership', 'own-1', { owner: 'c-holding', asset: 'c-engines', startDate: '1840-05-01', percentage: '51' }),
  make('Directorship', 'dir-1', { director: 'p-charles', organization: 'c-engines', startDate: '1834', endDate: '1842-06' }),
  make('Membership', 'mem-1', { member: 'p-ada', organization: 'o-society', role: 'fellow' }),
  make('Event', 'ev-1', { name: 'Ada meets Babbage', date: '1833-06-05', involved: ['p-ada', 'p-charles'], organizer: 'o-society' }),
  make('Pages', 'doc-notes', { title: 'Notes on the engine', fileName: 'notes.pdf', date: '1843' }),
  make('Article', 'doc-article', { title: 'An article', sourceUrl: 'https://example.org/article', publishedAt: '1843-09' }),
  make('Documentation', 'docu-1', { document: 'doc-notes', entity: 'c-engines', summary: 'The notes describe the engine' }),
];
{
  const file = path.join(dir, 'made.ftm');
  const json = made.map((e) => JSON.stringify(e.toJSON())).join('\n') + '\n';
  t.ok(check(json).problems.length === 0, 'the dataset made with the FtM library is valid FtM', check(json).problems.join('\n'));
  writeFileSync(file, json);
  const out = path.join(dir, 'made.weft');
  weft('convert', '-q', file, out);
  const d = readJson(out);
  const byId = (section, id) => (d[section] || []).find((x) => x.id === id);

  t.equal(['entities', 'relations', 'events', 'sources', 'claims'].map((s) => (d[s] || []).length), [5, 3, 1, 2, 1],
          'Weft reads 5 entities, 3 relations, 1 event, 2 sources and 1 claim');
  t.equal(['p-ada', 'p-charles', 'c-engines', 'c-holding', 'o-society'].map((id) => byId('entities', id)?.kind),
          ['person', 'person', 'company', 'company', 'organization'], 'people, companies and the organisation get their kinds');
  t.equal(byId('entities', 'c-holding')?.name, 'Holding & <Co>', 'names are read as they are');
  t.equal(byId('entities', 'p-charles')?.aliases, ['The Irascible Genius'], 'aliases are aliases');
  t.equal(['own-1', 'dir-1', 'mem-1'].map((id) => { const r = byId('relations', id); return r && [r.type, r.from, r.to, r.date ?? null]; }),
          [['owns', 'c-holding', 'c-engines', '1840-05-01/'], ['directs', 'p-charles', 'c-engines', '1834/1842-06'],
           ['member_of', 'p-ada', 'o-society', null]],
          'ownership, directorship and membership are relations from the owner, director and member, with their dates ' +
          '(a start alone is an unknown end)');
  const ev = byId('events', 'ev-1');
  t.equal(ev && [ev.title, ev.date, ev.participants], ['Ada meets Babbage', '1833-06-05',
          [{ entity: 'p-ada' }, { entity: 'p-charles' }, { entity: 'o-society', role: 'organizer' }]],
          'the event keeps its date, the involved and the organizer');
  t.equal(['doc-notes', 'doc-article'].map((id) => byId('sources', id) && [byId('sources', id).title, byId('sources', id).kind, byId('sources', id).date ?? null]),
          [['Notes on the engine', 'other', '1843'], ['An article', 'article', '1843-09']], 'documents are sources of their kind');
  const claim = (d.claims || [])[0];
  t.equal(claim && [claim.text, claim.about, claim.citations.map((c) => c.source)],
          ['The notes describe the engine', ['c-engines'], ['doc-notes']], 'the documentation is a claim about the company citing the notes');

  // And back again: the FtM model still accepts it.
  const again = check(readFileSync(convert(out, 'ftm', 'ftm', dir), 'utf8'));
  t.ok(again.problems.length === 0, 'written back, the FtM model accepts it', again.problems.join('\n'));
}

t.end();
