/* weft-graph-style.c
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "weft-graph-style.h"

/* Hues from the GNOME palette; glyphs that DejaVu Sans (and most fonts)
 * have, so exports render them too. */
static const WeftNodeStyle entity_styles[WEFT_N_ENTITY_KINDS] = {
  [WEFT_ENTITY_ORGANIZATION] = { WEFT_NODE_SHAPE_ROUNDED, "box", "rounded,filled", 0x3584e4, "◆", "0.06,0.04" },
  [WEFT_ENTITY_COMPANY] = { WEFT_NODE_SHAPE_BOX, "box", "filled", 0x2190a4, "▣", NULL },
  [WEFT_ENTITY_GOVERNMENT] = { WEFT_NODE_SHAPE_BOX3D, "box3d", "filled", 0xc01c28, "⚑", "0.07,0.07" },
  [WEFT_ENTITY_PERSON] = { WEFT_NODE_SHAPE_ELLIPSE, "ellipse", "filled", 0xe66100, "☺", "0.02,0.02" },
  [WEFT_ENTITY_PLACE] = { WEFT_NODE_SHAPE_CDS, "cds", "filled", 0x26a269, "◎", "0.12,0.04" },
  [WEFT_ENTITY_GROUP] = { WEFT_NODE_SHAPE_FOLDER, "folder", "filled", 0x9141ac, "⁂", "0.04,0.09" },
  [WEFT_ENTITY_TECHNOLOGY] = { WEFT_NODE_SHAPE_COMPONENT, "component", "filled", 0x986a44, "⚙", "0.09,0.04" },
  [WEFT_ENTITY_PROGRAM] = { WEFT_NODE_SHAPE_TAB, "tab", "filled", 0xc88800, "▶", "0.04,0.09" },
  [WEFT_ENTITY_OTHER] = { WEFT_NODE_SHAPE_ROUNDED, "box", "rounded,filled", 0x77767b, "•", "0.06,0.04" },
};

static const WeftNodeStyle event_style = { WEFT_NODE_SHAPE_NOTE, "note", "filled", 0x865e3c, "◷", "0.11,0.04" };
static const WeftNodeStyle claim_style = { WEFT_NODE_SHAPE_BOX, "box", "filled", 0x5e5c64, "❝", NULL };

static const WeftEdgeStyle edge_styles[WEFT_N_EVIDENCE] = {
  [WEFT_EVIDENCE_UNSUPPORTED] = { WEFT_EVIDENCE_UNSUPPORTED, "dotted", 0.6, TRUE, FALSE, FALSE, "", { 1.0, 2.5 } },
  [WEFT_EVIDENCE_DENIED] = { WEFT_EVIDENCE_DENIED, "solid", 1.0, FALSE, TRUE, TRUE, "✗ ", { 0, 0 } },
  [WEFT_EVIDENCE_ALLEGED] = { WEFT_EVIDENCE_ALLEGED, "dashed", 1.0, FALSE, FALSE, FALSE, "", { 5.0, 3.0 } },
  [WEFT_EVIDENCE_REPORTED] = { WEFT_EVIDENCE_REPORTED, "solid", 1.0, FALSE, FALSE, FALSE, "", { 0, 0 } },
  [WEFT_EVIDENCE_CONFIRMED] = { WEFT_EVIDENCE_CONFIRMED, "solid", 2.2, FALSE, FALSE, FALSE, "", { 0, 0 } },
};

const WeftNodeStyle *
weft_graph_style_for_entity (WeftEntityKind kind)
{
  if ((guint) kind >= WEFT_N_ENTITY_KINDS)
    kind = WEFT_ENTITY_OTHER;
  return &entity_styles[kind];
}

const WeftNodeStyle *
weft_graph_style_for_event (void)
{
  return &event_style;
}

const WeftNodeStyle *
weft_graph_style_for_claim (void)
{
  return &claim_style;
}

const WeftNodeStyle *
weft_graph_style_for_item (const WeftItem *item)
{
  switch (item->type)
    {
    case WEFT_ITEM_ENTITY:
      return weft_graph_style_for_entity (((const WeftEntity *) item)->kind);
    case WEFT_ITEM_CLAIM:
      return &claim_style;
    case WEFT_ITEM_EVENT:
    case WEFT_ITEM_SOURCE:
    case WEFT_ITEM_RELATION:
    case WEFT_ITEM_ERA:
    case WEFT_ITEM_NONE:
    default:
      return &event_style;
    }
}

const WeftEdgeStyle *
weft_graph_style_for_evidence (WeftEvidence evidence)
{
  if ((guint) evidence >= WEFT_N_EVIDENCE)
    evidence = WEFT_EVIDENCE_UNSUPPORTED;
  return &edge_styles[evidence];
}

WeftEvidence
weft_evidence_for_claims (WeftClaim * const *claims,
                          guint              n_claims)
{
  guint counts[WEFT_N_STATUSES] = { 0 };

  if (n_claims == 0)
    return WEFT_EVIDENCE_UNSUPPORTED;

  for (guint i = 0; i < n_claims; i++)
    if ((guint) claims[i]->status < WEFT_N_STATUSES)
      counts[claims[i]->status]++;

  if (counts[WEFT_STATUS_CONFIRMED] > 0)
    return WEFT_EVIDENCE_CONFIRMED;
  if (counts[WEFT_STATUS_DENIED] == n_claims)
    return WEFT_EVIDENCE_DENIED;
  if (counts[WEFT_STATUS_REPORTED] > 0 && counts[WEFT_STATUS_DENIED] == 0 &&
      counts[WEFT_STATUS_DISPUTED] == 0)
    return WEFT_EVIDENCE_REPORTED;
  return WEFT_EVIDENCE_ALLEGED;
}

const char *
weft_evidence_to_string (WeftEvidence evidence)
{
  switch (evidence)
    {
    case WEFT_EVIDENCE_CONFIRMED: return "confirmed";
    case WEFT_EVIDENCE_REPORTED: return "reported";
    case WEFT_EVIDENCE_ALLEGED: return "alleged";
    case WEFT_EVIDENCE_DENIED: return "denied";
    case WEFT_EVIDENCE_UNSUPPORTED:
    case WEFT_N_EVIDENCE:
    default:
      return "unsupported";
    }
}

const char *
weft_evidence_label (WeftEvidence evidence)
{
  switch (evidence)
    {
    case WEFT_EVIDENCE_CONFIRMED: return _("Confirmed");
    case WEFT_EVIDENCE_REPORTED: return _("Reported");
    case WEFT_EVIDENCE_ALLEGED: return _("Alleged or disputed");
    case WEFT_EVIDENCE_DENIED: return _("Denied");
    case WEFT_EVIDENCE_UNSUPPORTED:
    case WEFT_N_EVIDENCE:
    default:
      return _("No claim behind it");
    }
}

const char *
weft_evidence_description (WeftEvidence evidence)
{
  switch (evidence)
    {
    case WEFT_EVIDENCE_CONFIRMED: return _("Thick solid line: a confirmed claim backs it");
    case WEFT_EVIDENCE_REPORTED: return _("Solid line: reported by a cited source");
    case WEFT_EVIDENCE_ALLEGED: return _("Dashed line: alleged, disputed or opinion only");
    case WEFT_EVIDENCE_DENIED: return _("Red line ending in a bar, marked ✗: every claim denies it");
    case WEFT_EVIDENCE_UNSUPPORTED:
    case WEFT_N_EVIDENCE:
    default:
      return _("Thin grey dotted line: no claim supports it");
    }
}

char *
weft_relation_type_display (const char *type)
{
  char *s;

  if (type == NULL)
    return g_strdup ("");

  s = g_strdup (type);
  for (char *p = s; *p != '\0'; p++)
    if (*p == '_')
      *p = ' ';
  return s;
}

/* Where a line may end before @c (after @prev): at a space (which is
 * dropped), after a slash, or between wide characters. Not after a
 * hyphen: a line ending in one reads as a word cut in two (and text
 * tools join it so). */
static gboolean
can_break_before (gunichar prev,
                  gunichar c)
{
  return c == ' ' || prev == '/' || g_unichar_iswide (prev) || g_unichar_iswide (c);
}

char *
weft_graph_wrap_label (const char *text)
{
  g_autofree char *flat = NULL;
  GString *out = g_string_new (NULL);
  const char *line;          /* the start of the line being filled */
  const char *cut = NULL;    /* the last place it may end... */
  int width = 0, cut_width = 0;   /* ...and the line's width there */
  gunichar prev = 0;

  g_return_val_if_fail (text != NULL, NULL);

  /* Line breaks and tabs inside a name are spaces. */
  flat = g_strdup (text);
  g_strdelimit (flat, "\n\r\t", ' ');
  line = flat;

  for (const char *p = flat; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int w = g_unichar_iswide (c) ? 2 : 1;

      if (p > line && can_break_before (prev, c))
        {
          cut = p;
          cut_width = width;
        }
      if (width + w > WEFT_GRAPH_LINE_CHARS && cut != NULL)
        {
          /* End the line at the last break; a space there goes. */
          gboolean space = *cut == ' ';

          g_string_append_len (out, line, cut - line);
          g_string_append_c (out, '\n');
          line = space ? cut + 1 : cut;
          width -= cut_width + (space && cut < p ? 1 : 0);
          cut = NULL;
        }
      if (p >= line)
        width += w;
      prev = c;
    }
  g_string_append (out, line);
  return g_string_free (out, FALSE);
}

guint32
weft_color_mix (guint32 background,
                guint32 hue,
                double  t)
{
  guint32 out = 0;

  t = CLAMP (t, 0.0, 1.0);
  for (int shift = 0; shift <= 16; shift += 8)
    {
      double a = (background >> shift) & 0xff;
      double b = (hue >> shift) & 0xff;
      guint32 c = (guint32) (a + (b - a) * t + 0.5);

      out |= MIN (c, 0xffu) << shift;
    }
  return out;
}

void
weft_node_style_colors (const WeftNodeStyle *style,
                        gboolean             dark,
                        guint32             *fill,
                        guint32             *stroke)
{
  if (dark)
    {
      /* Over libadwaita's dark view background (#1e1e1e). */
      *fill = weft_color_mix (0x1e1e1e, style->color, 0.35);
      *stroke = weft_color_mix (0xffffff, style->color, 0.75);
    }
  else
    {
      *fill = weft_color_mix (0xffffff, style->color, 0.16);
      *stroke = weft_color_mix (0x000000, style->color, 0.80);
    }
}

const WeftLegendEntry *
weft_graph_legend (guint *n_entries)
{
  static WeftLegendEntry entries[WEFT_N_ENTITY_KINDS + 2 + WEFT_N_EVIDENCE];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      guint n = 0;

      for (guint k = 0; k < WEFT_N_ENTITY_KINDS; k++)
        entries[n++] = (WeftLegendEntry) { weft_entity_kind_label (k), &entity_styles[k], NULL };
      entries[n++] = (WeftLegendEntry) { _("Event"), &event_style, NULL };
      entries[n++] = (WeftLegendEntry) { _("Claim"), &claim_style, NULL };
      for (guint e = WEFT_N_EVIDENCE; e-- > 0;)
        entries[n++] = (WeftLegendEntry) { weft_evidence_label (e), NULL, &edge_styles[e] };
      g_once_init_leave (&initialized, 1);
    }

  *n_entries = G_N_ELEMENTS (entries);
  return entries;
}
