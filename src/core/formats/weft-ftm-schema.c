/* weft-ftm-schema.c: the FollowTheMoney schemata Weft maps, as a table
 *
 * Written by hand from the FtM schema YAML (MIT licensed, © the
 * FollowTheMoney authors); tests/check-ftm-schema.py checks it against
 * those files, so a new FtM release that moves an edge or a date shows up
 * as a failing test, not as wrong data.
 *
 * SPDX-License-Identifier: MIT
 */
#define G_LOG_DOMAIN "weft-core"

#include "config.h"

#include <string.h>

#include "weft-ftm-schema.h"

/* Temporal extents, shared by the schemata that inherit them. */
static const char * const interval_start[] = { "startDate", "date", NULL };
static const char * const interval_end[] = { "endDate", NULL };
static const char * const occupancy_start[] = { "startDate", "declarationDate", "date", NULL };
static const char * const document_start[] = { "date", "authoredAt", "publishedAt", NULL };
static const char * const legal_start[] = { "incorporationDate", NULL };
static const char * const legal_end[] = { "dissolutionDate", NULL };
static const char * const person_start[] = { "birthDate", NULL };
static const char * const person_end[] = { "deathDate", NULL };
static const char * const vehicle_start[] = { "buildDate", "registrationDate", NULL };
static const char * const vehicle_end[] = { "deregistrationDate", NULL };
static const char * const assessment_start[] = { "publishDate", NULL };
static const char * const bank_start[] = { "openingDate", NULL };
static const char * const bank_end[] = { "closingDate", NULL };
static const char * const contract_start[] = { "contractDate", NULL };
static const char * const court_start[] = { "fileDate", NULL };
static const char * const court_end[] = { "closeDate", NULL };
static const char * const wallet_start[] = { "creationDate", NULL };
static const char * const position_start[] = { "inceptionDate", NULL };
static const char * const security_start[] = { "issueDate", NULL };
static const char * const security_end[] = { "maturityDate", NULL };

#define THING(n, k, s, e, anc) \
  { n, WEFT_FTM_ENTITY, WEFT_ENTITY_##k, WEFT_SOURCE_OTHER, NULL, NULL, FALSE, NULL, s, e, anc, NULL, NULL }
#define EDGE(n, from, to, dir, type, anc, from_range, to_range) \
  { n, WEFT_FTM_EDGE, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER, from, to, dir, type, interval_start, interval_end, \
    anc, from_range, to_range }
#define DOC(n, k, anc) \
  { n, WEFT_FTM_SOURCE, WEFT_ENTITY_OTHER, WEFT_SOURCE_##k, NULL, NULL, FALSE, NULL, document_start, NULL, anc, NULL, NULL }
#define UNMAPPED(n, s, e, anc) \
  { n, WEFT_FTM_UNMAPPED, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER, NULL, NULL, FALSE, NULL, s, e, anc, NULL, NULL }

/* Alphabetical, for bsearch. */
static const WeftFtmSchema schemas[] = {
  THING ("Address", PLACE, NULL, NULL, "Thing"),
  THING ("Airplane", OTHER, vehicle_start, vehicle_end, "Vehicle Asset Thing Value"),
  DOC ("Article", ARTICLE, "Document Thing Analyzable"),
  THING ("Assessment", OTHER, assessment_start, NULL, "Thing"),
  THING ("Asset", OTHER, NULL, NULL, "Thing Value"),
  EDGE ("Associate", "person", "associate", FALSE, "associated_with", "Interval", "Person", "Person"),
  DOC ("Audio", OTHER, "Document Thing Analyzable"),
  THING ("BankAccount", OTHER, bank_start, bank_end, "Asset Thing Value"),
  UNMAPPED ("Call", interval_start, interval_end, "Interval"),
  THING ("CallForTenders", PROGRAM, interval_start, interval_end, "Thing Interval"),
  THING ("Company", COMPANY, legal_start, legal_end, "Organization LegalEntity Thing Asset Value"),
  THING ("Contract", OTHER, contract_start, NULL, "Asset Thing Value"),
  EDGE ("ContractAward", "contract", "supplier", TRUE, "awarded_to", "Value Interest Interval", "Contract", "LegalEntity"),
  THING ("CourtCase", OTHER, court_start, court_end, "Thing"),
  EDGE ("CourtCaseParty", "party", "case", TRUE, "party_to", "Interest Interval", "Thing", "CourtCase"),
  THING ("CryptoWallet", OTHER, wallet_start, NULL, "Thing Value"),
  EDGE ("Debt", "debtor", "creditor", TRUE, "owes", "Interval Value", "LegalEntity", "LegalEntity"),
  EDGE ("Directorship", "director", "organization", TRUE, "directs", "Interest Interval", "LegalEntity", "Organization"),
  DOC ("Document", OTHER, "Thing Analyzable"),
  { "Documentation", WEFT_FTM_CITATION, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER,
    "document", "entity", FALSE, NULL, interval_start, interval_end,
    "Interest Interval", "Document", "Thing" },
  UNMAPPED ("EconomicActivity", interval_start, interval_end, "Interval"),
  DOC ("Email", OTHER, "Folder Document Thing Analyzable PlainText HyperText"),
  EDGE ("Employment", "employee", "employer", TRUE, "works_for", "Interest Interval", "Person", "Organization"),
  { "Event", WEFT_FTM_EVENT, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER,
    NULL, NULL, FALSE, NULL, interval_start, interval_end,
    "Interval Analyzable Thing", NULL, NULL },
  EDGE ("Family", "person", "relative", FALSE, "related_to", "Interval", "Person", "Person"),
  DOC ("Folder", OTHER, "Document Thing Analyzable"),
  DOC ("HyperText", OTHER, "Document Thing Analyzable"),
  UNMAPPED ("Identification", interval_start, interval_end, "Interval"),
  DOC ("Image", OTHER, "Document Thing Analyzable"),
  THING ("LegalEntity", OTHER, legal_start, legal_end, "Thing"),
  THING ("License", OTHER, contract_start, NULL, "Contract Asset Thing Value"),
  EDGE ("Membership", "member", "organization", TRUE, "member_of", "Interest Interval", "LegalEntity", "Organization"),
  { "Mention", WEFT_FTM_CITATION, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER,
    "document", "resolved", FALSE, NULL, NULL, NULL,
    "", "Document", "LegalEntity" },
  DOC ("Message", OTHER, "Interval Folder Document Thing Analyzable PlainText HyperText"),
  { "Note", WEFT_FTM_CITATION, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER,
    NULL, "entity", FALSE, NULL, NULL, NULL,
    "Thing Analyzable", NULL, "Thing" },
  { "Occupancy", WEFT_FTM_EDGE, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER,
    "holder", "post", TRUE, "holds", occupancy_start, interval_end,
    "Interval", "Person", "Position" },
  THING ("Organization", ORGANIZATION, legal_start, legal_end, "LegalEntity Thing"),
  EDGE ("Ownership", "owner", "asset", TRUE, "owns", "Interest Interval", "LegalEntity", "Asset"),
  DOC ("Package", OTHER, "Folder Document Thing Analyzable"),
  UNMAPPED ("Page", NULL, NULL, ""),
  DOC ("Pages", OTHER, "Document Thing Analyzable"),
  UNMAPPED ("Passport", interval_start, interval_end, "Identification Interval"),
  EDGE ("Payment", "payer", "beneficiary", TRUE, "paid", "Interval Value", "LegalEntity", "LegalEntity"),
  THING ("Person", PERSON, person_start, person_end, "LegalEntity Thing"),
  DOC ("PlainText", OTHER, "Document Thing Analyzable"),
  THING ("Position", OTHER, position_start, legal_end, "Thing"),
  UNMAPPED ("Post", interval_start, interval_end, "Interest Interval"),
  THING ("Project", PROGRAM, interval_start, interval_end, "Interval Thing Value"),
  EDGE ("ProjectParticipant", "participant", "project", TRUE, "participates_in", "Interest Interval", "LegalEntity", "Project"),
  THING ("PublicBody", GOVERNMENT, legal_start, legal_end, "Organization LegalEntity Thing"),
  THING ("RealEstate", PLACE, NULL, NULL, "Asset Thing Value"),
  EDGE ("Representation", "agent", "client", TRUE, "represents", "Interest Interval", "LegalEntity", "LegalEntity"),
  UNMAPPED ("Sanction", interval_start, interval_end, "Interval"),
  THING ("Security", OTHER, security_start, security_end, "Asset Thing Value"),
  UNMAPPED ("Similar", NULL, NULL, ""),
  EDGE ("Succession", "predecessor", "successor", TRUE, "precedes", "Interest Interval", "LegalEntity", "LegalEntity"),
  DOC ("Table", DATASET, "Document Thing Analyzable"),
  UNMAPPED ("TaxRoll", interval_start, interval_end, "Interval"),
  { "Trip", WEFT_FTM_EVENT, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER,
    NULL, NULL, FALSE, NULL, interval_start, interval_end,
    "Event Interval Analyzable Thing", NULL, NULL },
  EDGE ("UnknownLink", "subject", "object", FALSE, "linked_to", "Interest Interval", "Thing", "Thing"),
  THING ("UserAccount", OTHER, NULL, NULL, "Thing"),
  THING ("Vehicle", OTHER, vehicle_start, vehicle_end, "Asset Thing Value"),
  THING ("Vessel", OTHER, vehicle_start, vehicle_end, "Vehicle Asset Thing Value"),
  DOC ("Video", OTHER, "Document Thing Analyzable"),
  DOC ("Workbook", DATASET, "Folder Document Thing Analyzable"),
};

static int
compare_name (const void *key,
              const void *element)
{
  return strcmp (key, ((const WeftFtmSchema *) element)->name);
}

const WeftFtmSchema *
weft_ftm_schema_lookup (const char *name)
{
  if (name == NULL)
    return NULL;
  return bsearch (name, schemas, G_N_ELEMENTS (schemas), sizeof schemas[0], compare_name);
}

gboolean
weft_ftm_schema_is_a (const WeftFtmSchema *schema,
                      const char          *other)
{
  gsize n = strlen (other);

  if (schema == NULL)
    return FALSE;
  if (strcmp (schema->name, other) == 0)
    return TRUE;
  for (const char *p = schema->ancestors; (p = strstr (p, other)) != NULL; p += n)
    if ((p == schema->ancestors || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
      return TRUE;
  return FALSE;
}

const WeftFtmSchema *
weft_ftm_schema_list (guint *n_schemas)
{
  *n_schemas = G_N_ELEMENTS (schemas);
  return schemas;
}

const WeftFtmSchema *
weft_ftm_schema_for_relation (const char *type)
{
  if (type == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (schemas); i++)
    if (schemas[i].role == WEFT_FTM_EDGE && strcmp (schemas[i].relation_type, type) == 0)
      return &schemas[i];
  return NULL;
}

const char *
weft_ftm_schema_for_kind (WeftEntityKind kind)
{
  switch (kind)
    {
    case WEFT_ENTITY_ORGANIZATION: return "Organization";
    case WEFT_ENTITY_COMPANY: return "Company";
    case WEFT_ENTITY_GOVERNMENT: return "PublicBody";
    case WEFT_ENTITY_PERSON: return "Person";
    case WEFT_ENTITY_PLACE: return "Address";
    case WEFT_ENTITY_GROUP: return "Organization";
    case WEFT_ENTITY_TECHNOLOGY: return "Asset";
    case WEFT_ENTITY_PROGRAM: return "Project";
    case WEFT_ENTITY_OTHER:
    case WEFT_N_ENTITY_KINDS:
    default:
      return "LegalEntity";
    }
}

const char *
weft_ftm_schema_for_source (WeftSourceKind kind)
{
  switch (kind)
    {
    case WEFT_SOURCE_ARTICLE: return "Article";
    case WEFT_SOURCE_DATASET: return "Table";
    /* Not Document, which is a file and needs its fileName. */
    case WEFT_SOURCE_REPORT:
    case WEFT_SOURCE_SURVEY:
    case WEFT_SOURCE_BOOK:
    case WEFT_SOURCE_OTHER:
    case WEFT_N_SOURCE_KINDS:
    default:
      return "Pages";
    }
}

const char *
weft_ftm_schema_for_claim (const WeftClaim *claim)
{
  if (claim->n_citations > 0 && claim->about != NULL && claim->about[0] != NULL)
    return "Documentation";
  return "Note";
}

/* An FtM date ("2010", "2010-05", "2010-05-03", "2010-05-03T10:00:00Z")
 * as EDTF, without a time (day precision is what Weft places). *@exact
 * says whether writing the EDTF back gives the same text. */
char *
weft_ftm_date_to_edtf (const char *value,
                       gboolean   *exact)
{
  gsize n = strlen (value);
  WeftDate date;

  *exact = FALSE;
  if (n < 4)
    return NULL;
  if (n > 10 && value[10] == 'T')
    n = 10;
  else if (n != 4 && n != 7 && n != 10)
    return NULL;
  for (gsize i = 0; i < n; i++)
    if (!(g_ascii_isdigit (value[i]) || (value[i] == '-' && (i == 4 || i == 7))))
      return NULL;
  {
    g_autofree char *text = g_strndup (value, n);

    if (!weft_date_parse (text, &date, NULL, NULL))
      return NULL;
    *exact = (n == strlen (value));
    return g_steal_pointer (&text);
  }
}
