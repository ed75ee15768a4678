// SPDX-License-Identifier: MIT
// Loads each file with TimelineJS TimelineConfig and prints whether it is valid.
import { readFileSync } from 'node:fs';
import { TimelineConfig } from './src/js/core/TimelineConfig.js';
for (const file of process.argv.slice(2)) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const config = new TimelineConfig(data);
  config.validate();
  const errs = config.messages.errors;
  console.log(file, config.isValid() ? 'VALID' : 'INVALID', 'events', config.events.length, 'eras', config.eras.length, errs.length ? errs.map(String).join(' | ').slice(0, 800) : '');
}
