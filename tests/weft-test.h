/* weft-test.h: what the test programs share
 *
 * A test program starts with weft_test_init() and ends with
 * weft_test_run(). In between, tests load the example and the fixtures of
 * tests/data/, and write into one temporary folder, made on first use,
 * which weft_test_run() removes with everything in it.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "weft-dataset.h"
#include "weft-diagnostics.h"

G_BEGIN_DECLS

/* The locale from the environment (meson sets LC_ALL=C.UTF-8), then
 * g_test_init(). */
void          weft_test_init            (int         *argc,
                                         char      ***argv);
/* g_test_run(), then the cleanups: the temporary folder goes, and what
 * weft_test_add_cleanup() was given is called, last added first. */
int           weft_test_run             (void);
/* Calls @func with @data when weft_test_run() ends. */
void          weft_test_add_cleanup     (GDestroyNotify func,
                                         gpointer       data);

/* The bundled example, data/examples/smart-cities.weft; a load error
 * fails the test. */
WeftDataset  *weft_test_load_example    (void);
/* Gives every item of @dataset (finished) a history of two entries, one
 * with fields and a note: for round trips. */
void          weft_test_add_history     (WeftDataset *dataset);
/* tests/data/FIRST/…, as a path. */
char         *weft_test_build_data_path (const char  *first,
                                         ...) G_GNUC_NULL_TERMINATED;
/* ../shared/corpus/FIRST/… (sample files others wrote, beside the
 * repository; WEFT_CORPUS), as a path; when it is not there, NULL, once
 * the test is marked skipped with the reason. */
char         *weft_test_find_corpus_path (const char *first,
                                          ...) G_GNUC_NULL_TERMINATED;
/* tests/data/@name (a .weft file); a load error fails the test. */
WeftDataset  *weft_test_load_fixture    (const char  *name);
/* .weft @text, read as a file called @name; a load error fails the
 * test. */
WeftDataset  *weft_test_load_text       (const char  *text,
                                         const char  *name);

/* @text written into @name inside the temporary folder, then imported as
 * its content says (weft_import_file() with WEFT_FORMAT_AUTO). */
WeftDataset  *weft_test_import_text     (const char       *name,
                                         const char       *text,
                                         WeftDiagnostics  *diagnostics,
                                         GError          **error);
/* @dataset as Weft saves it, parsed by @parser: its root object, which
 * @parser owns. */
JsonObject   *weft_test_parse_saved     (WeftDataset *dataset,
                                         JsonParser  *parser);

/* The program's temporary folder, made on first use. */
const char   *weft_test_get_tmp_dir     (void);
/* @name inside the temporary folder. */
char         *weft_test_build_tmp_path  (const char  *name);
/* A new, empty folder inside the temporary folder, its name starting
 * with @prefix. */
char         *weft_test_make_tmp_dir    (const char  *prefix);
/* Writes @contents into @name inside the temporary folder; its path. */
char         *weft_test_write_tmp       (const char  *name,
                                         const char  *contents);
/* The same, as a GFile. */
GFile        *weft_test_write_tmp_file  (const char  *name,
                                         const char  *contents);
/* The whole of the file at @path (@length may be NULL); a file that
 * cannot be read fails the test. */
char         *weft_test_read_file       (const char  *path,
                                         gsize       *length);
/* Removes @path, and everything inside when it is a folder. */
void          weft_test_remove_tree     (const char  *path);

G_END_DECLS
