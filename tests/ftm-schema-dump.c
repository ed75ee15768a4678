/* ftm-schema-dump.c: prints Weft's FtM schema table as JSON, for
 * check-ftm-schema.py to compare with the FollowTheMoney YAML.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-test"

#include "config.h"

#include <stdio.h>

#include "weft-ftm-schema.h"

static void
print_list (const char * const *list)
{
  printf ("[");
  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    printf ("%s\"%s\"", i > 0 ? ", " : "", list[i]);
  printf ("]");
}

int
main (void)
{
  static const char * const roles[] = { "entity", "edge", "event", "source", "citation", "unmapped" };
  const WeftFtmSchema *schemas;
  guint n;

  schemas = weft_ftm_schema_list (&n);
  printf ("[\n");
  for (guint i = 0; i < n; i++)
    {
      const WeftFtmSchema *s = &schemas[i];

      printf ("  {\"name\": \"%s\", \"role\": \"%s\", \"kind\": \"%s\", \"source\": %s%s%s, \"target\": %s%s%s, "
              "\"directed\": %s, \"type\": %s%s%s, \"start\": ",
              s->name, roles[s->role], weft_entity_kind_to_string (s->kind),
              s->source ? "\"" : "", s->source ? s->source : "null", s->source ? "\"" : "",
              s->target ? "\"" : "", s->target ? s->target : "null", s->target ? "\"" : "",
              s->directed ? "true" : "false",
              s->relation_type ? "\"" : "", s->relation_type ? s->relation_type : "null", s->relation_type ? "\"" : "");
      print_list (s->start);
      printf (", \"end\": ");
      print_list (s->end);
      printf (", \"ancestors\": \"%s\", \"ranges\": [%s%s%s, %s%s%s]", s->ancestors,
              s->source_range ? "\"" : "", s->source_range ? s->source_range : "null", s->source_range ? "\"" : "",
              s->target_range ? "\"" : "", s->target_range ? s->target_range : "null", s->target_range ? "\"" : "");
      printf ("}%s\n", i + 1 < n ? "," : "");
    }
  printf ("]\n");
  return 0;
}
