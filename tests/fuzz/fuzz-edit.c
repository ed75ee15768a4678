/* fuzz-edit.c: the edit API, undo and redo
 *
 * The input is a stream of choices: each edit takes its command, item,
 * member and value from the next bytes (tests/weft-edit-random.h, the
 * same generator test-edit and test-journal draw from GRand), applied to
 * tests/data/network.weft, which has every kind of item. Commands that
 * refuse must change nothing.
 *
 * Properties: after every edit, undo and redo the dataset keeps its
 * invariants (weft_dataset_verify(): positions, ids, references, every
 * index as one built again); what it saves loads without an error and
 * saves the same; everything undone saves as the original, to the byte,
 * and everything redone as the edited dataset.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-fuzz"

#include "config.h"

#include <string.h>

#include "weft-loader.h"
#include "weft-saver.h"
#include "../weft-edit-random.h"
#include "fuzz-common.h"

static char *base_text;
static gsize base_length;

WEFT_FUZZ_INITIALIZE (
  if (!g_file_get_contents (WEFT_FUZZ_EDIT_BASE, &base_text, &base_length, NULL))
    g_error ("cannot read %s", WEFT_FUZZ_EDIT_BASE))

typedef struct {
  const uint8_t *data;
  size_t         size;
  size_t         at;
} Bytes;

/* Two bytes of the input below @bound; 0 once it runs out. */
static guint
next_choice (gpointer data,
             guint    bound)
{
  Bytes *b = data;
  guint value = 0;

  for (guint i = 0; i < 2 && b->at < b->size; i++)
    value = value << 8 | b->data[b->at++];
  return value % bound;
}

static char *
save (WeftDataset *dataset)
{
  return weft_dataset_to_data (dataset, NULL);
}

static void
verify (WeftDataset *dataset)
{
  g_autoptr(GError) error = NULL;

  if (!weft_dataset_verify (dataset, &error))
    g_error ("fuzz property failed: %s", error->message);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(WeftDataset) dataset = weft_dataset_load_data (base_text, base_length, "network.weft", NULL, NULL);
  g_autoptr(WeftUndoStack) stack = weft_undo_stack_new (dataset);
  g_autoptr(WeftDataset) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = save (dataset);
  g_autofree char *edited = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  Bytes bytes = { data, size, 0 };
  WeftRandom r = { next_choice, &bytes };

  /* At most 200 edits: an input is over in milliseconds. */
  for (guint i = 0; bytes.at < size && i < 200; i++)
    {
      weft_random_edit (&r, stack, 1714555800 + i);
      verify (dataset);
    }

  g_debug ("%u edits kept, %u done", weft_undo_stack_get_length (stack), weft_undo_stack_get_position (stack));

  /* What it saves loads again, and saves the same. */
  text = save (dataset);
  again = weft_dataset_load_data (text, strlen (text), "saved.weft", NULL, &error);
  if (again == NULL)
    g_error ("fuzz property failed: an edited dataset saves as text that does not load: %s", error->message);
  text_again = save (again);
  weft_fuzz_assert (strcmp (text, text_again) == 0);

  /* Undo all: the original; redo all: the edited dataset. */
  while (weft_undo_stack_redo (stack))
    verify (dataset);
  edited = save (dataset);
  while (weft_undo_stack_undo (stack))
    verify (dataset);
  g_clear_pointer (&text, g_free);
  text = save (dataset);
  weft_fuzz_assert (strcmp (text, original) == 0);
  while (weft_undo_stack_redo (stack))
    ;
  g_clear_pointer (&text, g_free);
  text = save (dataset);
  weft_fuzz_assert (strcmp (text, edited) == 0);

  return 0;
}
