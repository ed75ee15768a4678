// SPDX-License-Identifier: MIT
// Resolves the extension-less imports of TimelineJS sources; DOMPurify to a stub.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
export async function resolve(specifier, context, next) {
  if (specifier === 'dompurify') return next(new URL('./purify-stub.mjs', import.meta.url).href, context);
  if ((specifier.startsWith('./') || specifier.startsWith('../')) && !path.extname(specifier)) {
    const base = path.dirname(fileURLToPath(context.parentURL));
    const candidate = path.resolve(base, specifier + '.js');
    if (existsSync(candidate)) return next(pathToFileURL(candidate).href, context);
  }
  return next(specifier, context);
}
