/* bench-edit.c: one edit on a large dataset, against one load of it; and
 * the memory 10,000 edits kept for undo add to the dataset's
 *
 * Usage: bench-edit FILE [N_EDITS]
 *
 * Loads FILE (timed: the reference), then times each kind of edit, each
 * applied with its indexes brought up to date, committed (a history entry
 * recorded) and its "changed" signal emitted (a handler counts them), then
 * undone; 200 of each on random items, median and worst, as a percentage
 * of the load (CPU time of the thread). Before, it prepares the dataset
 * for editing, as a WeftDocument does when idle after loading (timed
 * apart; with BENCH_EDIT_UNPREPARED set, the first delete does it). The
 * first delete is shown apart. Then makes N_EDITS edits (default 10,000: renames,
 * descriptions, claim statuses, relation ends, participants, new
 * entities), all kept on an undo stack, and prints the heap the dataset
 * held after loading and what the edits added (mallinfo2(): bytes in use,
 * run with G_SLICE=always-malloc).
 *
 * SPDX-License-Identifier: MIT
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "weft-loader.h"
#include "weft-undo.h"

#define RUNS 200

/* CPU time of this thread, in microseconds: what the machine's other
 * work does not change. */
static gint64
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_GINT64_CONSTANT (1000000) + ts.tv_nsec / 1000;
}

static gsize
heap_in_use (void)
{
  struct mallinfo2 info;

  malloc_trim (0);
  info = mallinfo2 ();
  return info.uordblks + info.hblkhd;
}

static void
on_changed (WeftDataset *dataset,
            gpointer     change,
            guint       *n)
{
  (*n)++;
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* One random edit of kind @kind on @stack; FALSE when it was refused or
 * changed nothing. */
static gboolean
edit_one (WeftUndoStack *stack,
          guint          kind,
          GRand         *rand,
          guint          k)
{
  WeftDataset *dataset = weft_undo_stack_get_dataset (stack);
  GPtrArray *entities = weft_dataset_get_entities (dataset);
  GPtrArray *events = weft_dataset_get_events (dataset);
  GPtrArray *claims = weft_dataset_get_claims (dataset);
  GPtrArray *relations = weft_dataset_get_relations (dataset);
  WeftEntity *entity = g_ptr_array_index (entities, g_rand_int_range (rand, 0, entities->len));
  WeftEntity *other = g_ptr_array_index (entities, g_rand_int_range (rand, 0, entities->len));
  WeftEvent *event = g_ptr_array_index (events, g_rand_int_range (rand, 0, events->len));
  WeftClaim *claim = g_ptr_array_index (claims, g_rand_int_range (rand, 0, claims->len));
  WeftRelation *relation = g_ptr_array_index (relations, g_rand_int_range (rand, 0, relations->len));
  g_autoptr(WeftEdit) edit = weft_undo_stack_begin (stack, "bench");
  g_autofree char *text = g_strdup_printf ("edited %u", k);
  gboolean ok = FALSE;

  switch (kind)
    {
    case 0:
      ok = weft_edit_set (edit, (WeftItem *) entity, "name", text, NULL);
      break;
    case 1:
      ok = weft_edit_set (edit, (WeftItem *) event, "description", text, NULL);
      break;
    case 2:
      ok = weft_edit_set (edit, (WeftItem *) claim, "status", k % 2 ? "confirmed" : "disputed", NULL);
      break;
    case 3:
      ok = weft_edit_set (edit, (WeftItem *) relation, "to", ((WeftItem *) other)->id, NULL);
      break;
    case 4:
      {
        WeftParticipant participants[2] = { { 0 }, { 0 } };

        participants[0].entity = ((WeftItem *) entity)->id;
        participants[1].entity = ((WeftItem *) other)->id;
        ok = weft_edit_set_participants (edit, event, participants, entity == other ? 1 : 2, NULL);
      }
      break;
    case 5:
      {
        WeftItem *item = weft_edit_create (edit, WEFT_ITEM_ENTITY, NULL, NULL);

        ok = item != NULL && weft_edit_set (edit, item, "name", text, NULL);
      }
      break;
    default:
      ok = weft_edit_delete (edit, (WeftItem *) entity, WEFT_DELETE_REFERENCES, NULL);
      break;
    }
  /* A value it had already: nothing to time. */
  if (!ok || weft_edit_is_empty (edit))
    {
      weft_edit_cancel (edit);
      return FALSE;
    }
  return weft_undo_stack_commit (stack, edit, NULL);
}

int
main (int    argc,
      char **argv)
{
  static const char * const kinds[] = {
    "rename an entity", "an event's description", "a claim's status", "a relation's end",
    "an event's participants", "a new entity", "delete an entity and its references",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(WeftDataset) dataset = NULL;
  g_autoptr(WeftUndoStack) stack = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  guint n_edits = argc > 2 ? atoi (argv[2]) : 10000;
  gsize heap_before, heap_loaded, heap_edited;
  gint64 start, load;
  guint n_signals = 0, kept = 0;

  if (argc < 2)
    {
      g_printerr ("usage: bench-edit FILE [N_EDITS]\n");
      return 2;
    }

  heap_before = heap_in_use ();
  start = cpu_now ();
  dataset = weft_dataset_load_path (argv[1], NULL, &error);
  load = cpu_now () - start;
  if (dataset == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  heap_loaded = heap_in_use ();
  printf ("load: %.1f ms of CPU, %u entities\n", load / 1e3, weft_dataset_get_entities (dataset)->len);
  if (g_getenv ("BENCH_EDIT_UNPREPARED") == NULL)
    {
      /* As a WeftDocument does when idle after loading. */
      start = cpu_now ();
      weft_dataset_prepare_edits (dataset);
      printf ("prepared for editing when idle: %.1f ms (%.3f%% of the load)\n", (cpu_now () - start) / 1e3,
              100.0 * (cpu_now () - start) / load);
    }
  g_signal_connect (dataset, "changed", G_CALLBACK (on_changed), &n_signals);

  stack = weft_undo_stack_new (dataset);
  weft_undo_stack_set_author (stack, "Bench Mark");
  for (guint kind = 0; kind < G_N_ELEMENTS (kinds); kind++)
    {
      gint64 times[RUNS];
      guint n = 0;

      for (guint run = 0; run < RUNS; run++)
        {
          gint64 t = cpu_now ();
          guint signals = n_signals;

          if (!edit_one (stack, kind, rand, run))
            continue;
          times[n++] = cpu_now () - t;
          g_assert (n_signals == signals + 1);
          weft_undo_stack_undo (stack);
        }
      if (kind == G_N_ELEMENTS (kinds) - 1)
        {
          printf ("%-38s %7.3f ms (%.3f%% of the load)\n", "the first delete",
                  times[0] / 1e3, 100.0 * times[0] / load);
          memmove (times, times + 1, --n * sizeof times[0]);
        }
      qsort (times, n, sizeof times[0], compare_times);
      printf ("%-38s median %7.3f ms (%.3f%% of the load), worst %7.3f ms (%.3f%%), %u runs\n",
              kinds[kind], times[n / 2] / 1e3, 100.0 * times[n / 2] / load,
              times[n - 1] / 1e3, 100.0 * times[n - 1] / load, n);
    }

  /* A fresh stack: n_edits edits kept for undo. */
  g_clear_object (&stack);
  heap_loaded = heap_in_use ();
  stack = weft_undo_stack_new (dataset);
  for (guint k = 0; k < n_edits; k++)
    kept += edit_one (stack, (k % 10 < 5) ? 0 : (k % 10) - 4, rand, k);
  heap_edited = heap_in_use ();
  printf ("dataset: %.1f MiB after loading; %u edits kept for undo add %.2f MiB (%.2f%%)\n",
          (heap_loaded - heap_before) / 1048576.0, kept, ((double) heap_edited - heap_loaded) / 1048576.0,
          100.0 * ((double) heap_edited - heap_loaded) / (heap_loaded - heap_before));
  return 0;
}
