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
  WEFT_MEMBER_DATE,     /* an EDTF string: the item's date_text, and the
                         * parsed WeftDate at length_offset; the loader
                         * sets both with weft_dataset_set_item_date() */
  WEFT_MEMBER_ENUM,     /* a string, one of @names: an enum (a guint) */
  WEFT_MEMBER_OBJECTS,  /* an array of objects described by @table: a
                         * pointer to an array of structs, and its length;
                         * an optional one is not written when empty */
  WEFT_MEMBER_ITEMS,    /* top level: an array of the items described by
                         * @table, which the dataset holds */
  WEFT_MEMBER_VERSION,  /* top level: the format version, a whole number */
  WEFT_MEMBER_JSON,     /* a JSON value kept as it is (a JsonNode *, or
                         * NULL when missing), of the shape @fallback
                         * names (WeftJsonShape), which the loader checks */
} WeftMemberType;

/* What a JSON member must hold. */
typedef enum {
  WEFT_JSON_COUNT,      /* a whole number, 0 or more */
  WEFT_JSON_GRAPH,      /* {"zoom": a number > 0, "centre": [x, y]}, both optional */
  WEFT_JSON_FRACTION,   /* a number above 0 and below 1 */
} WeftJsonShape;

typedef struct _WeftMemberTable WeftMemberTable;

typedef struct {
  const char            *name;
  WeftMemberType         type;
  gboolean               required;      /* the loader reports a missing one;
                                         * the saver always writes it, empty
                                         * if need be */
  gsize                  offset;        /* of the value in the struct (not
                                         * for ITEMS and VERSION) */
  gsize                  length_offset; /* OBJECTS: of the guint length;
                                         * DATE: of the parsed WeftDate */
  const char * const    *names;         /* ENUM: the values' names in enum
                                         * order, NULL-terminated */
  guint                  fallback;      /* ENUM: the value when missing or
                                         * unknown; JSON: its WeftJsonShape;
                                         * ITEMS: 1 when an empty list is
                                         * not written (views, stories) */
  const WeftMemberTable *table;         /* OBJECTS, ITEMS: of each element */
  gboolean               reference;     /* STRING, STRINGS: ids of other
                                         * items, which weft_dataset_finish()
                                         * resolves (the loader keeps where
                                         * each is, for its messages) */
  WeftItemType           refers_to;     /* a reference: the type of item it
                                         * names, WEFT_ITEM_NONE for any */
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

/* The member of @table called @name, or NULL (static). */
const WeftMember      *weft_member_lookup   (const WeftMemberTable *table,
                                             const char            *name);

/* Stores a DATE member's value read from a file (@text NULL: missing or
 * not EDTF) into @base: an item's "date" through
 * weft_dataset_set_item_date() (a required one empty when missing), a
 * view's "window" and "span" in place. For the readers. */
void                   weft_member_set_read_date (WeftDataset      *dataset,
                                                  const WeftMember *m,
                                                  gpointer          base,
                                                  const char       *text,
                                                  const WeftDate   *date);

/* ---- Values, by the tables ----------------------------------------------
 *
 * A member's value lives in a struct of its table's type at @base (an
 * item, a participant, the dataset's header). Strings belong to a
 * dataset; lists and arrays of objects belong to the struct. */

/* Frees what the value of @m owns in @base (a list, an array of objects
 * with everything inside) and leaves it empty (NULL, 0). */
void      weft_member_clear    (const WeftMember      *m,
                                gpointer               base);
/* The same for every member of @table, and the unknown members. */
void      weft_members_clear   (const WeftMemberTable *table,
                                gpointer               base);
/* Copies the value of @m from @src into @dest, whose value must be empty;
 * strings are interned in @dataset, unknown members of objects shared. */
void      weft_member_copy     (WeftDataset           *dataset,
                                const WeftMember      *m,
                                gpointer               dest,
                                gconstpointer          src);
/* The same for every member of @table and the unknown members. */
void      weft_members_copy    (WeftDataset           *dataset,
                                const WeftMemberTable *table,
                                gpointer               dest,
                                gconstpointer          src);
/* Whether every member of @table and the unknown members are the same
 * in @a and @b. */
gboolean  weft_members_equal   (const WeftMemberTable *table,
                                gconstpointer          a,
                                gconstpointer          b);
/* Whether the value of @m is the same in @a and @b (as saved: an absent
 * list is not an empty one). */
gboolean  weft_member_equal    (const WeftMember      *m,
                                gconstpointer          a,
                                gconstpointer          b);
/* Whether the value of @m, a reference or an array of objects holding
 * references, names @id. */
gboolean  weft_member_refers   (const WeftMember      *m,
                                gconstpointer          base,
                                const char            *id);
/* Calls @func with every id the value of @m (a reference, or an array of
 * objects holding references) names, in order, repeats included; with
 * @not_entities, not those of references that can only name an entity. */
void      weft_member_foreach_reference (const WeftMember *m,
                                         gconstpointer     base,
                                         gboolean          not_entities,
                                         void            (*func) (const char *id,
                                                                  gpointer    data),
                                         gpointer          data);
/* Whether @m is a reference, or an array of objects holding one. */
gboolean  weft_member_has_references (const WeftMember *m);

/* A member's value held outside any struct (by an edit, to undo it). */
typedef union {
  const char   *string;     /* STRING */
  const char  **strings;    /* STRINGS */
  guint         value;      /* ENUM */
  struct {
    const char *text;
    WeftDate   *date;       /* always allocated */
  }             date;       /* DATE */
  struct {
    gpointer    elements;
    guint       n;
  }             objects;    /* OBJECTS */
  JsonNode     *node;       /* JSON */
} WeftMemberValue;

/* A copy of the value of @m in @src (strings interned in @dataset), into
 * @value, which must be empty (zeroed). */
void      weft_member_value_copy  (WeftDataset      *dataset,
                                   const WeftMember *m,
                                   WeftMemberValue  *value,
                                   gconstpointer     src);
/* Exchanges the value of @m in @base with @value. */
void      weft_member_value_swap  (const WeftMember *m,
                                   gpointer          base,
                                   WeftMemberValue  *value);
/* Frees what @value owns and zeroes it. */
void      weft_member_value_clear (const WeftMember *m,
                                   WeftMemberValue  *value);

G_END_DECLS
