/* weft-present-card.c: the card a slide shows, drawn with cairo and pango
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "weft-present.h"
#include "weft-present-card.h"
#include "weft-timeline-render.h"

/* At most this many claims are told; the rest are counted. */
#define MAX_CLAIMS 3

static const struct {
  double      size;     /* pixels at scale 1 */
  PangoWeight weight;
  PangoStyle  style;
  guint       max_lines;
} fonts[WEFT_PRESENT_N_TEXTS] = {
  [WEFT_PRESENT_TEXT_STEP] = { 20, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 1 },
  [WEFT_PRESENT_TEXT_DATE] = { 26, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 2 },
  [WEFT_PRESENT_TEXT_TITLE] = { 36, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 4 },
  [WEFT_PRESENT_TEXT_BODY] = { 24, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 6 },
  [WEFT_PRESENT_TEXT_CLAIM] = { 22, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 4 },
  [WEFT_PRESENT_TEXT_QUOTE] = { 22, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, 4 },
  [WEFT_PRESENT_TEXT_SOURCE] = { 20, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 2 },
};

typedef struct {
  PangoLayout     *layout;
  WeftPresentText  role;
  double           x;        /* from the padding */
  double           y;        /* from the card's top */
  double           height;
  int              status;   /* a claim's (a square before it), or -1 */
} Block;

struct _WeftPresentCard
{
  PangoContext *context;
  GArray       *blocks;     /* Block */
  double        width;
  double        height;
  double        scale;
  double        padding;
  double        bar_y;      /* the progress bar under the step */
  double        progress;   /* 0..1 */
  double        bottom;     /* of the text */
};

double
weft_present_text_size (WeftPresentText role)
{
  g_return_val_if_fail (role < WEFT_PRESENT_N_TEXTS, 0);
  return fonts[role].size;
}

static void
block_clear (gpointer data)
{
  g_clear_object (&((Block *) data)->layout);
}

/* A block of @text in the role's font, @indent from the padding, cut to
 * the role's lines and to @max_height; NULL when not even a line fits. */
static Block *
add_block (WeftPresentCard *self,
           WeftPresentText  role,
           const char      *text,
           double           indent,
           double           gap,
           double           max_height)
{
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Cantarell, DejaVu Sans, Sans");
  PangoLayout *layout = pango_layout_new (self->context);
  PangoRectangle logical;
  double line, top = self->bottom + gap * self->scale;
  guint lines;
  Block block = { layout, role, indent, top, 0, -1 };

  pango_font_description_set_absolute_size (desc, fonts[role].size * self->scale * PANGO_SCALE);
  pango_font_description_set_weight (desc, fonts[role].weight);
  pango_font_description_set_style (desc, fonts[role].style);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, "Mg", -1);
  pango_layout_get_extents (layout, NULL, &logical);
  line = logical.height / (double) PANGO_SCALE;

  if (floor ((max_height - top) / line) < 1)
    {
      g_object_unref (layout);
      return NULL;
    }
  lines = (guint) MIN ((double) fonts[role].max_lines, floor ((max_height - top) / line));
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) ((self->width - 2 * self->padding - indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -(int) lines);
  pango_layout_get_extents (layout, NULL, &logical);
  block.height = logical.height / (double) PANGO_SCALE;

  g_array_append_val (self->blocks, block);
  self->bottom = top + block.height;
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

/* Forgets the blocks from @n on (a claim that did not fit whole). */
static void
drop_blocks (WeftPresentCard *self,
             guint            n,
             double           bottom)
{
  g_array_set_size (self->blocks, n);
  self->bottom = bottom;
}

/* A claim with its status word, its first quote and that quote's
 * source; FALSE (and nothing added) when it does not fit whole above
 * @limit. */
static gboolean
add_claim (WeftPresentCard *self,
           WeftDataset     *dataset,
           const WeftClaim *claim,
           double           limit)
{
  guint n = self->blocks->len;
  double bottom = self->bottom, square = 14 * self->scale;
  const char *status = weft_claim_status_label (claim->status);
  g_autofree char *line = g_strdup_printf ("%s  %s", status, claim->text);
  Block *block = add_block (self, WEFT_PRESENT_TEXT_CLAIM, line, square + 10 * self->scale, 18, limit);
  PangoAttrList *attributes;
  PangoAttribute *bold;

  if (block == NULL)
    return FALSE;
  block->status = claim->status;
  /* The status word in bold. */
  attributes = pango_attr_list_new ();
  bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  bold->start_index = 0;
  bold->end_index = (guint) strlen (status);
  pango_attr_list_insert (attributes, bold);
  pango_layout_set_attributes (block->layout, attributes);
  pango_attr_list_unref (attributes);

  if (claim->n_citations > 0)
    {
      const WeftCitation *citation = &claim->citations[0];
      WeftItem *source = weft_dataset_lookup (dataset, citation->source);
      g_autofree char *quote = g_strdup_printf ("“%s”", citation->quote);
      const char *name = source != NULL ? weft_item_get_label (source) : citation->source;
      g_autofree char *from = citation->locator != NULL ? g_strdup_printf ("— %s, %s", name, citation->locator)
                                                        : g_strdup_printf ("— %s", name);

      if (add_block (self, WEFT_PRESENT_TEXT_QUOTE, quote, square + 10 * self->scale, 6, limit) == NULL ||
          add_block (self, WEFT_PRESENT_TEXT_SOURCE, from, square + 10 * self->scale, 4, limit) == NULL)
        {
          drop_blocks (self, n, bottom);
          return FALSE;
        }
    }
  return TRUE;
}

WeftPresentCard *
weft_present_card_new (WeftDataset     *dataset,
                       const WeftEvent *event,
                       guint            step,
                       guint            n_steps,
                       double           width,
                       double           height,
                       double           scale)
{
  WeftPresentCard *self;
  g_autoptr(GPtrArray) claims = NULL;
  g_autofree char *count = NULL;
  g_autofree char *date = NULL;
  double limit, more_line;
  guint told = 0;

  g_return_val_if_fail (WEFT_IS_DATASET (dataset) && event != NULL, NULL);

  self = g_new0 (WeftPresentCard, 1);
  self->context = weft_timeline_pango_context_new ();
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);
  self->width = MAX (width, 1);
  self->height = MAX (height, 1);
  self->scale = scale > 0 ? scale : 1;
  self->padding = 28 * self->scale;
  self->bottom = self->padding;
  self->progress = n_steps > 0 ? (step + 1) / (double) n_steps : 0;
  limit = self->height - self->padding;

  /* Translators: the presentation's step counter: "3 of 16" */
  count = g_strdup_printf (_("%d of %u"), (int) step + 1, n_steps);
  add_block (self, WEFT_PRESENT_TEXT_STEP, count, 0, 0, limit);
  self->bar_y = self->bottom + 8 * self->scale;
  self->bottom = self->bar_y + 6 * self->scale;

  date = weft_present_date_words (&event->date);
  add_block (self, WEFT_PRESENT_TEXT_DATE, date, 0, 20, limit);
  add_block (self, WEFT_PRESENT_TEXT_TITLE, event->title, 0, 6, limit);
  if (event->description != NULL)
    add_block (self, WEFT_PRESENT_TEXT_BODY, event->description, 0, 14, limit);

  /* Room is kept for the line that counts the claims left out. */
  claims = weft_dataset_dup_item_claims (dataset, (WeftItem *) &event->item);
  more_line = (fonts[WEFT_PRESENT_TEXT_SOURCE].size * 1.3 + 18) * self->scale;
  for (; told < claims->len && told < MAX_CLAIMS; told++)
    if (!add_claim (self, dataset, g_ptr_array_index (claims, told),
                    told + 1 < claims->len ? limit - more_line : limit))
      break;
  if (told < claims->len)
    {
      guint more = claims->len - told;
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more claim",
                                                            "and %u more claims", more), more);

      add_block (self, WEFT_PRESENT_TEXT_SOURCE, text, 0, 18, limit);
    }
  return self;
}

void
weft_present_card_free (WeftPresentCard *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->blocks);
  g_object_unref (self->context);
  g_free (self);
}

double
weft_present_card_get_content_height (WeftPresentCard *self)
{
  return MIN (self->bottom + self->padding, self->height);
}

double
weft_present_card_get_text_size (WeftPresentCard *self,
                                 WeftPresentText  role)
{
  g_return_val_if_fail (role < WEFT_PRESENT_N_TEXTS, 0);
  return fonts[role].size * self->scale;
}

char *
weft_present_card_dup_text (WeftPresentCard *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      g_string_append (text, pango_layout_get_text (g_array_index (self->blocks, Block, i).layout));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

static void
set_color (cairo_t                 *cr,
           const WeftTimelineColor *color,
           double                   alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

void
weft_present_card_draw (WeftPresentCard *self,
                        cairo_t         *cr,
                        gboolean         dark)
{
  const WeftTimelinePalette *p = weft_timeline_palette_get (dark);
  double s = self->scale, r = 12 * s, inner = self->width - 2 * self->padding;
  double h = weft_present_card_get_content_height (self);

  g_return_if_fail (self != NULL && cr != NULL);

  cairo_save (cr);

  /* A soft shadow, then the card: opaque, so nothing shows through. */
  for (guint i = 1; i <= 4; i++)
    {
      weft_timeline_rounded_rect (cr, -i * s, (2 - i) * s + 3 * s, self->width + 2 * i * s, h + 2 * i * s - 2 * s, r + i * s);
      cairo_set_source_rgba (cr, 0, 0, 0, dark ? 0.14 : 0.05);
      cairo_fill (cr);
    }
  weft_timeline_rounded_rect (cr, 0, 0, self->width, h, r);
  set_color (cr, &p->background, 1);
  cairo_fill_preserve (cr);
  set_color (cr, &p->grid_major, 1);
  cairo_set_line_width (cr, 1.5 * s);
  cairo_stroke (cr);

  /* How far the presentation has come. */
  weft_timeline_rounded_rect (cr, self->padding, self->bar_y, inner, 6 * s, 3 * s);
  set_color (cr, &p->grid, 1);
  cairo_fill (cr);
  weft_timeline_rounded_rect (cr, self->padding, self->bar_y, MAX (inner * self->progress, 6 * s), 6 * s, 3 * s);
  set_color (cr, &p->accent, 1);
  cairo_fill (cr);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *b = &g_array_index (self->blocks, Block, i);
      gboolean secondary = b->role == WEFT_PRESENT_TEXT_STEP || b->role == WEFT_PRESENT_TEXT_SOURCE;

      if (b->status >= 0)
        {
          double size = 14 * s, first = pango_layout_get_baseline (b->layout) / (double) PANGO_SCALE;

          set_color (cr, &p->statuses[MIN (b->status, WEFT_N_STATUSES - 1)], 1);
          cairo_rectangle (cr, self->padding, b->y + first - size, size, size);
          cairo_fill (cr);
        }
      set_color (cr, secondary ? &p->text_dim : &p->text, 1);
      cairo_move_to (cr, self->padding + b->x, b->y);
      pango_cairo_show_layout (cr, b->layout);
    }

  cairo_restore (cr);
}
