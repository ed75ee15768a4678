// SPDX-License-Identifier: MIT
// TimelineJS3 (@knight-lab/timelinejs, its built dist/) loads Weft's
// TimelineJS exports in headless Chromium from Debian (chromium-headless-shell
// or chromium; WEFT_CHROMIUM names another), driven over the DevTools
// protocol (chrome-remote-interface): no error, one slide per event plus
// the title slide, one band per era, and every title shown as written
// (markup in a title stays text). Pages are served from 127.0.0.1; the
// browser resolves no other host and downloads nothing.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import CDP from 'chrome-remote-interface';
import { Tap, convert, fixtures, here, readJson, root, tempDir, weft } from './lib.mjs';

const t = new Tap();
const dir = tempDir('timelinejs');
const dist = path.join(here, 'node_modules', '@knight-lab', 'timelinejs', 'dist');

function findBrowser () {
  const names = [process.env.WEFT_CHROMIUM, 'chromium-headless-shell', 'chromium', 'chromium-browser'].filter(Boolean);
  for (const name of names) {
    const found = name.includes('/') ? (existsSync(name) ? name : null)
      : spawnSync('sh', ['-c', `command -v "${name}"`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return null;
}

const browserPath = findBrowser();
if (browserPath === null) {
  const reason = "no Chromium (Debian's chromium-headless-shell or chromium; build-aux/test installs it)";
  if (process.env.WEFT_INTEROP_REQUIRED === '1') {
    t.ok(false, reason);
    t.end();
  } else {
    console.log(`1..0 # SKIP ${reason}`);
  }
  process.exit();
}

const PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Weft in TimelineJS</title>
<link rel="stylesheet" href="/tl/css/timeline.css">
<script src="/tl/js/timeline.js"></script></head>
<body style="margin: 0"><div id="timeline" style="width: 1200px; height: 800px"></div>
<script>
window.weft = { loaded: false, failed: null };
fetch('/data/' + new URLSearchParams(location.search).get('file'))
  .then((response) => response.json())
  .then((data) => {
    const timeline = new TL.Timeline('timeline', data, { script_path: location.origin + '/tl/js/', language: 'en' });
    window.weft.timeline = timeline;
    timeline.on('loaded', () => { window.weft.loaded = true; });
  })
  .catch((e) => { window.weft.failed = String(e); });
</script></body></html>`;

const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.html': 'text/html' };

function serve () {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    let file = null;
    if (url.pathname === '/page.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PAGE);
      return;
    }
    if (url.pathname.startsWith('/tl/')) file = path.join(dist, path.normalize(url.pathname.slice(4)));
    else if (url.pathname.startsWith('/data/')) file = path.join(dir, path.basename(url.pathname));
    if (file === null || !file.startsWith(dist) && !file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': (TYPES[path.extname(file)] ?? 'application/octet-stream') + '; charset=utf-8' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function launch () {
  const profile = tempDir('chromium-profile');
  const browser = spawn(browserPath, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-default-apps', '--disable-extensions', '--mute-audio',
    `--user-data-dir=${profile}`, '--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--window-size=1280,900', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  process.on('exit', () => browser.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 30000);
    browser.stderr.on('data', (chunk) => {
      text += chunk;
      const m = /DevTools listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve({ browser, port: Number(m[1]) });
      }
    });
    browser.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${text}`)));
  });
}

const fonts = new Set();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Loads @file in a new tab; what TimelineJS made of it, and every error
// the page logged.
async function load (port, base, file) {
  const target = await CDP.New({ port, url: 'about:blank' });
  const client = await CDP({ port, target });
  const errors = [];
  try {
    const { Page, Runtime, Log } = client;
    Runtime.exceptionThrown(({ exceptionDetails: d }) => errors.push(`exception: ${d.exception?.description ?? d.text}`));
    Runtime.consoleAPICalled(({ type, args }) => {
      if (type === 'error' || type === 'assert') errors.push(`console.${type}: ${args.map((a) => a.value ?? a.description).join(' ')}`);
    });
    Log.entryAdded(({ entry }) => {
      if (entry.level !== 'error') return;
      // TimelineJS's default font style asks for web fonts, which the
      // browser may not fetch here: not an error of the timeline.
      if (entry.source === 'network' && /^https?:\/\/(?!127\.0\.0\.1[:/])/.test(entry.url ?? '') &&
          /\.(ttf|woff2?|otf)$/.test(new URL(entry.url).pathname)) {
        fonts.add(entry.url);
        return;
      }
      errors.push(`${entry.source}: ${entry.text} ${entry.url ?? ''}`);
    });
    await Promise.all([Page.enable(), Runtime.enable(), Log.enable()]);
    await Page.navigate({ url: `${base}/page.html?file=${encodeURIComponent(path.basename(file))}` });

    let state = null;
    for (let waited = 0; waited < 30000; waited += 100) {
      const { result } = await Runtime.evaluate({
        returnByValue: true,
        expression: `(() => {
          const w = window.weft;
          const tl = w && w.timeline;
          const config = tl && tl.config;
          const configErrors = config && config.getErrors ? config.getErrors().map(String) : [];
          if (!w || !(w.loaded || w.failed || configErrors.length)) return null;
          const headline = (id) => {
            const slide = document.getElementById(id);
            const h = slide && slide.querySelector('.tl-headline');
            return h ? { text: h.textContent, elements: h.children.length } : null;
          };
          return {
            failed: w.failed, configErrors,
            slides: document.querySelectorAll('.tl-storyslider .tl-slide').length,
            titleSlides: document.querySelectorAll('.tl-slide-titleslide').length,
            markers: document.querySelectorAll('.tl-timemarker').length,
            eras: document.querySelectorAll('.tl-timeera').length,
            events: config.events.map((e) => ({ id: e.unique_id, headline: headline(e.unique_id),
              date: document.getElementById(e.unique_id)?.querySelector('.tl-headline-date')?.textContent ?? null,
              text: document.getElementById(e.unique_id)?.querySelector('.tl-text-content')?.textContent ?? null })),
            title: config.title ? headline(config.title.unique_id) : null,
          };
        })()`,
      });
      if (result.value) {
        state = result.value;
        break;
      }
      await sleep(100);
    }
    await sleep(300);   // late errors (images, fonts)
    return { state, errors };
  } finally {
    await client.close();
    await CDP.Close({ port, id: target.id });
  }
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
let chromium;
try {
  chromium = await launch();
} catch (e) {
  t.ok(false, `${path.basename(browserPath)} starts headless`, e.message);
  t.end();
  process.exit();
}
const version = spawnSync(browserPath, ['--version'], { encoding: 'utf8' }).stdout.trim();
const tlVersion = JSON.parse(readFileSync(path.join(dist, '..', 'package.json'), 'utf8')).version;
t.comment(`TimelineJS ${tlVersion} in ${version || browserPath}`);

try {
  for (const fixture of fixtures) {
    const name = path.basename(fixture);
    const data = readJson(fixture);
    const file = convert(fixture, 'timelinejs', 'json', dir);
    const { state, errors } = await load(chromium.port, base, file);
    if (!t.ok(state !== null, `${name}: TimelineJS loads the export`, 'no "loaded" event in 30 s')) continue;
    t.ok(!state.failed && state.configErrors.length === 0, `${name}: TimelineJS accepts the timeline`,
         [state.failed, ...state.configErrors].filter(Boolean).join('\n'));
    t.ok(errors.length === 0, `${name}: the page logs no error`, errors.join('\n'));
    const events = data.events || [];
    t.equal(state.slides, events.length + 1, `${name}: one slide per event (${events.length}) and the title slide`);
    t.equal(state.titleSlides, 1, `${name}: one title slide`);
    t.equal(state.markers, events.length, `${name}: one marker per event on the time axis`);
    t.equal(state.eras, (data.eras || []).length, `${name}: one band per era`);
    const wrong = [];
    const byId = new Map(state.events.map((e) => [e.id, e.headline]));
    for (const e of events) {
      const h = byId.get(e.id);
      if (!h || h.text !== e.title || h.elements !== 0) wrong.push({ id: e.id, title: e.title, shown: h });
    }
    t.ok(wrong.length === 0, `${name}: every slide shows its event's title as written, markup as text`, wrong.slice(0, 5));
    t.ok(state.title !== null && state.title.text === data.title && state.title.elements === 0,
         `${name}: the title slide shows the dataset's title as written`, state.title);
  }

  // A story (weft convert --story): its steps in the story's order, as
  // TimelineJS shows them after sorting by date; a step dated before the
  // one before it, or undated, keeps its place and shows its own date.
  const viewsFile = path.join(root, 'tests', 'data', 'views.weft');
  const views = readJson(viewsFile);
  views.stories.push({ id: 'back', title: 'Back in time', steps: [
    { event: 'ev-smart-city-exports-tally', note: 'Counted first.' },
    { event: 'ev-ibm-coins-smart-city', note: 'Then back to 2008.' },
    { view: 'view-huawei', note: 'And on to 2015.' },
  ] });
  const storyData = path.join(dir, 'stories.weft');
  writeFileSync(storyData, JSON.stringify(views));
  const titles = new Map([...views.events, ...views.views].map((item) => [item.id, item.title]));
  const dates = {};
  for (const story of views.stories) {
    const file = path.join(dir, `${story.id}.json`);
    weft('convert', '-q', storyData, file, '--to', 'timelinejs', '--story', story.id);
    const { state, errors } = await load(chromium.port, base, file);
    if (!t.ok(state !== null, `story ${story.id}: TimelineJS loads it`, 'no "loaded" event in 30 s')) continue;
    t.ok(!state.failed && state.configErrors.length === 0 && errors.length === 0, `story ${story.id}: no error`,
         [state.failed, ...state.configErrors, ...errors].filter(Boolean).join('\n'));
    t.ok(state.title !== null && state.title.text === story.title, `story ${story.id}: the title slide is the story's`,
         state.title);
    t.equal(state.events.map((e) => e.id), story.steps.map((_, i) => `${story.id}-${i + 1}`),
            `story ${story.id}: the slides in the story's order`);
    t.equal(state.events.map((e) => e.headline && e.headline.text),
            story.steps.map((step) => titles.get(step.event ?? step.view)),
            `story ${story.id}: each slide titled by its event or view`);
    t.ok(state.events.every((e, i) => (e.text ?? '').startsWith(story.steps[i].note)),
         `story ${story.id}: each slide's text starts with its step's note`, state.events.map((e) => e.text));
    dates[story.id] = state.events.map((e) => e.date);
  }
  t.comment(`dates shown: ${JSON.stringify(dates)}`);
  t.equal([dates['story-smart-cities']?.[3], dates.back?.[1]], ['Undated', '2008'],
          'a step out of date order, or undated, shows its own date (or says it has none)');
} finally {
  server.close();
  chromium.browser.kill('SIGKILL');
}
t.comment(`not fetched (outside 127.0.0.1): ${fonts.size} web fonts of TimelineJS's default font style`);
t.end();
process.exit();
