/* weft-dataset-struct.h: what a WeftDataset holds (the model's own: the
 * dataset, its indexes and its edits read it; nothing else does)
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset-index.h"
#include "weft-dataset-private.h"

G_BEGIN_DECLS

typedef struct _WeftDatasetEditState WeftDatasetEditState;

struct _WeftDataset
{
  GObject       parent_instance;

  GStringChunk *strings;
  GSList       *blocks;          /* where the items read are (see alloc_item()) */
  gsize         block_used;
  WeftDatasetHeader header;

  GPtrArray    *sources;
  GPtrArray    *entities;
  GPtrArray    *events;
  GPtrArray    *claims;
  GPtrArray    *relations;
  GPtrArray    *eras;

  gboolean      finished;
  GHashTable   *by_id;           /* id -> WeftItem *, borrowed */
  WeftIndex     entity_events;
  WeftIndex     entity_claims;
  WeftIndex     entity_relations;
  WeftIndex     claim_events;
  WeftIndex     claim_relations;
  WeftEvent   **events_by_date;

  /* Once edits insert or remove entities or claims: their position -> row
   * maps (weft-dataset-index.h); and what edits keep (weft-dataset-edit.c). */
  GArray       *entity_keys;
  GArray       *claim_keys;
  WeftDatasetEditState *edit_state;
};

/* Frees what the edits kept (weft-dataset-edit.c). */
void weft_dataset_edit_state_free (WeftDatasetEditState *state);

G_END_DECLS
