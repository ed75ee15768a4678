/* weft-paths.h: where Weft's own data files are
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder holding Weft's data (examples/, …): $WEFT_DATADIR when set;
 * else share/weft beside the running binary's prefix (so an installed Weft
 * finds its data wherever it was installed); else the configured prefix;
 * else the source tree (for a Weft run from its build folder). Static:
 * do not free it. */
const char *weft_get_data_dir      (void);
/* The path of the bundled example, data/examples/smart-cities.weft; newly
 * allocated, free it with g_free(). */
char       *weft_dup_example_path  (void);
/* The folder of compiled translations (LANG/LC_MESSAGES/weft.mo):
 * $WEFT_LOCALEDIR when set (the tests point it at the build folder's po/),
 * else the one matching weft_get_data_dir(). Static: do not free it. */
const char *weft_get_locale_dir    (void);

G_END_DECLS
