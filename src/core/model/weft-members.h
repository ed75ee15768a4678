/* weft-members.h: the members of a .weft file, one table per item type
 *
 * Each table says, for every member of an object in a .weft file, its
 * name, its JSON type, where its value goes in the struct, and whether it
 * is required. The loader reads and the saver writes through these tables
 * (walking the members in table order), so a member's name and place in
 * the saved order are written down once, here.
 *
 * SPDX-License-Identifier: MIT
 */
#pragma once

#include "weft-dataset.h"

G_BEGIN_DECLS

typedef enum {
  WEFT_MEMBER_STRING,   /* a string: const char * */
  WEFT_MEMBER_STRINGS,  /* an array of strings: const char **, NULL-terminated */
  WEFT_MEMBER_DATE,     /* an EDTF string: the item's date_text; the loader
                         * sets it and the parsed date together with
                         * weft_dataset_set_item_date() */
  WEFT_MEMBER_ENUM,     /* a string, one of @names: an enum (a guint) */
  WEFT_MEMBER_OBJECTS,  /* an array of objects described by @table: a
                         * pointer to an array of structs, and its length */
  WEFT_MEMBER_ITEMS,    /* top level: an array of the items described by
                         * @table, which the dataset holds */
  WEFT_MEMBER_VERSION,  /* top level: the format version, a whole number */
} WeftMemberType;

typedef struct _WeftMemberTable WeftMemberTable;

typedef struct {
  const char            *name;
  WeftMemberType         type;
  gboolean               required;      /* the loader reports a missing one;
                                         * the saver always writes it, empty
                                         * if need be */
  gsize                  offset;        /* of the value in the struct (not
                                         * for ITEMS and VERSION) */
  gsize                  length_offset; /* OBJECTS: of the guint length */
  const char * const    *names;         /* ENUM: the values' names in enum
                                         * order, NULL-terminated */
  guint                  fallback;      /* ENUM: the value when missing or
                                         * unknown */
  const WeftMemberTable *table;         /* OBJECTS, ITEMS: of each element */
  gboolean               reference;     /* STRING, STRINGS: ids of other
                                         * items, which weft_dataset_finish()
                                         * resolves (the loader keeps where
                                         * each is, for its messages) */
} WeftMember;

struct _WeftMemberTable {
  WeftItemType      type;          /* of the items; WEFT_ITEM_NONE for the
                                    * top level, participants, citations */
  gsize             size;          /* of the struct */
  gsize             extra_offset;  /* of its JsonObject * of unknown members */
  const WeftMember *members;       /* in the order they are saved */
  guint             n_members;
};

/* No table has more members than this. */
#define WEFT_MEMBERS_MAX 16

/* The value a member describes, in the struct at @base. */
#define WEFT_MEMBER_FIELD(base, offset, type) \
  (*(type *) (gpointer) ((const guint8 *) (base) + (offset)))

/* The top level of a .weft file: "weft", "title" … then the item arrays
 * "sources" … "eras"; its struct is the WeftDatasetHeader. Static. */
extern const WeftMemberTable weft_file_members;

/* The table of an item type (not WEFT_ITEM_NONE); static. */
const WeftMemberTable *weft_item_members    (WeftItemType type);

/* The name of the top-level array that holds items of @type ("events");
 * static, "" for WEFT_ITEM_NONE. */
const char            *weft_item_array_name (WeftItemType type);

G_END_DECLS
