// SPDX-License-Identifier: MIT
export default { addHook() {}, sanitize(s) { return s; }, isSupported: true };
