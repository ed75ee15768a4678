// SPDX-License-Identifier: MIT
// The edtf package as a differential oracle for Weft's EDTF parser: over
// several hundred dates of EDTF levels 0 and 1, valid and not, generated
// (a seeded generator, so every run sees the same) and picked by hand,
// both must accept or both refuse, and both give the same first and last
// day. Every difference Weft makes on purpose, or that comes from the
// package, is in the table DIFFERENCES with its reason; a difference that
// no row explains fails, and so does a row that explains none.
import edtf from 'edtf';
import { Tap, dateBounds } from './lib.mjs';

const t = new Tap();

// ---- The dates ----

const handPicked = [
  // Level 0
  '2021', '2008', '0000', '0001', '9999', '2021-10', '2021-10-05', '2020-01-15', '2000-02-29', '2024-02-29',
  '1900-02-28', '-0043', '-0043-03-15', '-0001-02', '-0400-02-29', '-9999',
  '2021-10-05T14:30:00', '2021-10-05T14:30:00Z', '2021-10-05T23:59:59-05:00', '2021-10-05T00:00:00+05',
  '2021-10-05T01:00:00+02:00', '2021-10-05T22:30:00-03:00',
  '2017/2021', '2004-02-01/2005-02-08', '2004-02-01/2005-02', '2005/2006-02', '-0043-03-15/0014-08-19',
  // Level 1
  'Y170000', 'Y-170000', 'Y10000', 'Y12345', 'Y-12345', 'Y999999', 'Y-999999',
  '2004?', '2000~', '2004%', '2004-06~', '2004-06-11%', '-0043?', 'Y12345~',
  '199X', '19XX', '1XXX', '000X', '0XXX', '9XXX', '199X~', '2004-XX', '2004-06-XX', '2004-02-XX', '2004-XX-XX', '2004-XX?',
  '-004X', '-00XX', '-000X', '-1XXX', '-199X', '-0XXX',
  '2021-21', '2021-22', '2021-23', '2021-24', '2023-24', '-0001-24', '2021-21~',
  '2019/..', '../2019', '2019/', '/2019', '2019-05/..', '../2019-05-05', '2004~/2006?', '199X/2004-06', '2019-21/2019-24',
  '-004X/0010', '1985-04-12/..', '../1985-04', '2004-06-XX/2004-07-03',
  // Not EDTF, or not levels 0 and 1
  '', ' 2021', '2021 ', '21', '202', '20210', '2021-1', '2021-13', '2021-00', '2021-10-00', '2021-10-32', '2021-02-30',
  '2021-04-31', '2019-02-29', '1900-02-29', '-0000', '-0000-01', 'Y2021', 'Y', 'Y1000000', 'Y17E7', 'Y-17E7',
  'XXXX', '-XXXX', '19X5', '1X9X', '2004-0X', '2004-X6', '2004-XX-15', '199X-05', '-199X-01', 'Y1234X', '2004x',
  '2004??', '2004?~', '?2004', '~2004', '2004?-06', '2004-06?-11', '2021-25', '2021-20', '2021-21-01',
  '2021-10-05T24:00:00', '2021-10-05T14:60:00', '2021-10-05T14:30', '2021-10-05T14:30:00?', '2021-10T14:30:00',
  '2021-10-05T14:30:00+25:00', '2019/2018', '2019-05/2019-04', '2017/2019/2021', '2017//2021', '/', '..', '../..',
  '/..', '../', '2019/...', '[1667,1668]', '{1667,1668}', '1667..1668', 'abc', '2019-05-05T', 'T14:30:00',
];

// A seeded generator (mulberry32).
function random (seed) {
  return () => {
    seed = (seed + 0x6D2B79F5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(15);
const pick = (list) => list[Math.floor(rnd() * list.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pad = (n, w) => String(n).padStart(w, '0');

function year () {
  return pick([() => pad(int(0, 9999), 4), () => pad(int(1000, 2100), 4), () => '-' + pad(int(1, 9999), 4)])();
}

function point () {
  const y = year();
  switch (pick(['y', 'ym', 'ymd', 'ymd', 'season', 'x', 'xm', 'xd', 'q', 'time', 'bad'])) {
    case 'y': return y;
    case 'ym': return `${y}-${pad(int(1, 12), 2)}`;
    case 'ymd': return `${y}-${pad(int(1, 12), 2)}-${pad(int(1, 31), 2)}`;   // some days do not exist
    case 'season': return `${y}-${int(21, 24)}`;
    case 'x': return y.slice(0, y.length - int(1, 3)).padEnd(y.length, 'X');
    case 'xm': return `${y}-XX`;
    case 'xd': return `${y}-${pad(int(1, 12), 2)}-XX`;
    case 'q': return `${y}${pick(['', '-' + pad(int(1, 12), 2)])}${pick(['?', '~', '%'])}`;
    case 'time': return `${pad(int(1000, 2100), 4)}-${pad(int(1, 12), 2)}-${pad(int(1, 28), 2)}T${pad(int(0, 23), 2)}:` +
                        `${pad(int(0, 59), 2)}:${pad(int(0, 59), 2)}${pick(['', 'Z', '+02:00', '-05:00', '+14', '-12:00'])}`;
    default: return pick([`${y}-${pad(int(13, 20), 2)}`, `${y}-${pad(int(1, 12), 2)}-${pad(int(32, 39), 2)}`,
                          `${y}-${int(25, 29)}`, y.slice(1), `${y}-${int(1, 9)}`, `Y${pad(int(0, 9999), 4)}`]);
  }
}

const generated = [];
for (let i = 0; i < 260; i++) generated.push(point());
for (let i = 0; i < 180; i++) {
  const a = point();
  generated.push(pick([() => `${a}/${point()}`, () => `${a}/..`, () => `../${a}`, () => `${a}/`, () => `/${a}`])());
}
for (let i = 0; i < 40; i++) generated.push(`Y${pick(['', '-'])}${int(10000, 999999)}`);

const dates = [...new Set([...handPicked, ...generated])];

// ---- What each says ----

// Days since 1970-01-01 as ISO 8601 ("-0043-03-15"), as weft_day_to_iso.
function iso (days) {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y < 0 ? '-' : ''}${pad(Math.abs(y), 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function bound (ms) {
  if (ms === null || ms === undefined) return 'unknown';
  if (ms === -Infinity || ms === Infinity) return 'open';
  if (Number.isNaN(ms)) return 'NaN';
  return iso(Math.floor(ms / 86400000));
}

// What the package says at EDTF level 1 (@level 1), or at any level.
function oracle (text, level) {
  try {
    const d = level === undefined ? edtf(text) : edtf(text, { level });
    return { ok: true, first: bound(d.min), last: bound(d.max) };
  } catch (e) {
    return { ok: false };
  }
}

// ---- The differences ----

const yearOf = (s) => /^(-?\d{4})/.exec(s)?.[1];
const leap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const ends = (s) => s.split('/');

const DIFFERENCES = [
  {
    what: 'seasons 21-24 cover other months',
    reason: 'EDTF names seasons without saying which months they are; Weft takes the meteorological seasons of the northern ' +
            'hemisphere (spring is March to May, winter December to February of the next year), the package quarters (January to March...)',
    applies: (s, w, e) => w.ok && e.ok && ends(s).some((p) => /^-?\d{4}-2[1-4]/.test(p)),
  },
  {
    what: 'XXXX is refused',
    reason: 'a year with no known digit says nothing; Weft asks for an unknown interval end ("/2019") instead, the package reads 0000-9999',
    applies: (s, w, e) => !w.ok && e.ok && ends(s).some((p) => /^-?XXXX/.test(p)),
  },
  {
    what: '29 February of a common year is refused',
    reason: 'it does not exist; the package takes it as 1 March (a JavaScript Date rolls over)',
    applies: (s, w, e) => !w.ok && e.ok && ends(s).some((p) => /^-?\d{4}-02-29/.test(p) && !leap(Number(yearOf(p)))),
  },
  {
    what: 'negative years with no known non-zero digit (-00XX, -000X, -0XXX)',
    reason: 'Weft reads -00XX as -0099 to -0001, as -004X is -0049 to -0040; the package loses the minus sign of -00 and reads 0000 to 0099',
    applies: (s, w, e) => w.ok && e.ok && ends(s).some((p) => /^-0+X+/.test(p)),
  },
  {
    what: 'a time with a zone keeps its calendar day',
    reason: 'Weft places a date-time on the day written (the time is checked, then ignored: day precision); the package turns it ' +
            'into UTC, which can be the day before or after',
    applies: (s, w, e) => w.ok && e.ok && /T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2})/.test(s),
  },
  {
    what: 'negative years with an unspecified month or day: the package reverses them',
    reason: 'the package gives -9821-XX as 1 December to 31 January (its first day after its last); Weft reads January 1 to December 31',
    applies: (s, w, e) => w.ok && e.ok && ends(s).some((p) => /^-\d{4}-(XX|\d{2}-XX)/.test(p)),
  },
  {
    what: 'Weft reads some dates of EDTF level 2',
    reason: 'three unspecified digits (1XXX, a millennium), a qualifier on a date with unspecified digits, a season or a "Y" year ' +
            '(199X~, 2021-21~), and such dates as interval ends (199X/2004-06) are level 2; the package, held to level 1, refuses them ' +
            'and reads them at level 2',
    applies: (s, w, e) => w.ok && !e.ok && oracle(s).ok,
  },
  {
    what: 'seasons and millennia (1XXX) as interval ends, and qualifiers after seasons, unspecified digits and "Y" years',
    reason: 'Weft reads an interval end as it reads a date alone, and a qualifier after any date it reads; the package refuses ' +
            'them at any level',
    applies: (s, w, e) => w.ok && !e.ok &&
      ((s.includes('/') && ends(s).some((p) => /^-?\d{4}-2[1-4]/.test(p) || /XXX/.test(p))) ||
       ends(s).some((p) => /[?~%]$/.test(p) && /X|^Y|^-?\d{4}-2[1-4]/.test(p))),
  },
  {
    what: 'a two-digit century ("21") is refused',
    reason: 'ISO 8601 has it, EDTF levels 0 and 1 do not; Weft asks for 20XX',
    applies: (s, w, e) => !w.ok && e.ok && /^\d{2}$/.test(s),
  },
  {
    what: 'hour 24 and times without seconds are refused',
    reason: 'EDTF writes a time as hh:mm:ss with hours 00-23; the package also reads 24:00:00 (the next day) and hh:mm',
    applies: (s, w, e) => !w.ok && e.ok && /T(24:00:00|\d{2}:\d{2})$/.test(s),
  },
  {
    what: 'an interval without any date ("/", "../..") is refused',
    reason: 'it says nothing; Weft asks for at least one end',
    applies: (s, w, e) => !w.ok && e.ok && /^(\.\.)?\/(\.\.)?$/.test(s),
  },
  {
    what: 'years beyond Y-999999 and Y999999 are refused',
    reason: 'Weft\'s limit, which keeps day arithmetic exact (README, Limits); the package gives NaN',
    applies: (s, w, e) => !w.ok && e.ok && e.first === 'NaN',
  },
  {
    what: 'years beyond JavaScript dates',
    reason: 'JavaScript dates end about 271,821 years from 1970; Weft counts days to Y-999999 and Y999999, the package gives NaN',
    applies: (s, w, e) => w.ok && e.ok && (e.first === 'NaN' || e.last === 'NaN'),
  },
];

// ---- The comparison ----

const weftSays = dateBounds(dates);
const hits = DIFFERENCES.map(() => []);
let same = 0;
for (let i = 0; i < dates.length; i++) {
  const s = dates[i];
  const w = weftSays[i];
  const e = oracle(s, 1);
  const agree = w.ok === e.ok && (!w.ok || (w.first === e.first && w.last === e.last));
  if (agree) {
    same++;
    t.ok(true, `${JSON.stringify(s)}: both ${w.ok ? `read ${w.first} to ${w.last}` : 'refuse it'}`);
    continue;
  }
  const row = DIFFERENCES.findIndex((d) => d.applies(s, w, e));
  if (row >= 0) hits[row].push(s);
  const say = (x) => (x.ok ? `${x.first} to ${x.last}` : 'refused');
  t.ok(row >= 0, `${JSON.stringify(s)}: Weft ${say(w)}, edtf ${say(e)}${row >= 0 ? ` (on purpose: ${DIFFERENCES[row].what})` : ''}`);
}
DIFFERENCES.forEach((d, i) => {
  t.ok(hits[i].length > 0, `the difference "${d.what}" is seen (${hits[i].length}: ${hits[i].slice(0, 4).map((s) => JSON.stringify(s)).join(', ')})`);
  t.comment(`${d.what}: ${d.reason}`);
});
t.comment(`${dates.length} dates (${handPicked.length} picked by hand), ${same} read alike, ` +
          `${dates.length - same} differently, ${weftSays.filter((w) => w.ok).length} accepted by Weft`);
t.end();
