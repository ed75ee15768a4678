// SPDX-License-Identifier: MIT
// Stand-ins for the browser objects TimelineJS touches when its modules load.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
globalThis.window = globalThis;
globalThis.document = { createElement() { return { style: {}, setAttribute() {}, appendChild() {} }; },
                        getElementsByTagName() { return []; }, documentElement: { style: {} }, addEventListener() {} };
if (!globalThis.navigator) globalThis.navigator = { userAgent: 'node', platform: 'node' };
globalThis.getComputedStyle = () => ({}); globalThis.location = { protocol: 'https:', href: 'https://example.org/' };
globalThis.DOMParser = class { parseFromString(t) { return { body: { textContent: String(t).replace(/<[^>]*>/g, '') } }; } };
register('./loader.mjs', pathToFileURL('./'));
