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

#define THING(n, k, s, e) \
  { n, WEFT_FTM_ENTITY, WEFT_ENTITY_##k, WEFT_SOURCE_OTHER, NULL, NULL, FALSE, NULL, s, e }
#define EDGE(n, from, to, dir, type) \
  { n, WEFT_FTM_EDGE, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER, from, to, dir, type, interval_start, interval_end }
#define DOC(n, k) \
  { n, WEFT_FTM_SOURCE, WEFT_ENTITY_OTHER, WEFT_SOURCE_##k, NULL, NULL, FALSE, NULL, document_start, NULL }
#define UNMAPPED(n, s, e) \
  { n, WEFT_FTM_UNMAPPED, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER, NULL, NULL, FALSE, NULL, s, e }

/* Alphabetical, for bsearch. */
static const WeftFtmSchema schemas[] = {
  THING ("Address", PLACE, NULL, NULL),
  THING ("Airplane", OTHER, vehicle_start, vehicle_end),
  DOC ("Article", ARTICLE),
  THING ("Assessment", OTHER, assessment_start, NULL),
  THING ("Asset", OTHER, NULL, NULL),
  EDGE ("Associate", "person", "associate", FALSE, "associated_with"),
  DOC ("Audio", OTHER),
  THING ("BankAccount", OTHER, bank_start, bank_end),
  UNMAPPED ("Call", interval_start, interval_end),
  THING ("CallForTenders", PROGRAM, interval_start, interval_end),
  THING ("Company", COMPANY, legal_start, legal_end),
  THING ("Contract", OTHER, contract_start, NULL),
  EDGE ("ContractAward", "contract", "supplier", TRUE, "awarded_to"),
  THING ("CourtCase", OTHER, court_start, court_end),
  EDGE ("CourtCaseParty", "party", "case", TRUE, "party_to"),
  THING ("CryptoWallet", OTHER, wallet_start, NULL),
  EDGE ("Debt", "debtor", "creditor", TRUE, "owes"),
  EDGE ("Directorship", "director", "organization", TRUE, "directs"),
  DOC ("Document", OTHER),
  { "Documentation", WEFT_FTM_CITATION, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER,
    "document", "entity", FALSE, NULL, interval_start, interval_end },
  UNMAPPED ("EconomicActivity", interval_start, interval_end),
  DOC ("Email", OTHER),
  EDGE ("Employment", "employee", "employer", TRUE, "works_for"),
  { "Event", WEFT_FTM_EVENT, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER,
    NULL, NULL, FALSE, NULL, interval_start, interval_end },
  EDGE ("Family", "person", "relative", FALSE, "related_to"),
  DOC ("Folder", OTHER),
  DOC ("HyperText", OTHER),
  UNMAPPED ("Identification", interval_start, interval_end),
  DOC ("Image", OTHER),
  THING ("LegalEntity", OTHER, legal_start, legal_end),
  THING ("License", OTHER, contract_start, NULL),
  EDGE ("Membership", "member", "organization", TRUE, "member_of"),
  { "Mention", WEFT_FTM_CITATION, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER,
    "document", "resolved", FALSE, NULL, NULL, NULL },
  DOC ("Message", OTHER),
  { "Note", WEFT_FTM_CITATION, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER,
    NULL, "entity", FALSE, NULL, NULL, NULL },
  { "Occupancy", WEFT_FTM_EDGE, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER,
    "holder", "post", TRUE, "holds", occupancy_start, interval_end },
  THING ("Organization", ORGANIZATION, legal_start, legal_end),
  EDGE ("Ownership", "owner", "asset", TRUE, "owns"),
  DOC ("Package", OTHER),
  UNMAPPED ("Page", NULL, NULL),
  DOC ("Pages", OTHER),
  UNMAPPED ("Passport", interval_start, interval_end),
  EDGE ("Payment", "payer", "beneficiary", TRUE, "paid"),
  THING ("Person", PERSON, person_start, person_end),
  DOC ("PlainText", OTHER),
  THING ("Position", OTHER, position_start, legal_end),
  UNMAPPED ("Post", interval_start, interval_end),
  THING ("Project", PROGRAM, interval_start, interval_end),
  EDGE ("ProjectParticipant", "participant", "project", TRUE, "participates_in"),
  THING ("PublicBody", GOVERNMENT, legal_start, legal_end),
  THING ("RealEstate", PLACE, NULL, NULL),
  EDGE ("Representation", "agent", "client", TRUE, "represents"),
  UNMAPPED ("Sanction", interval_start, interval_end),
  THING ("Security", OTHER, security_start, security_end),
  UNMAPPED ("Similar", NULL, NULL),
  EDGE ("Succession", "predecessor", "successor", TRUE, "precedes"),
  DOC ("Table", DATASET),
  UNMAPPED ("TaxRoll", interval_start, interval_end),
  { "Trip", WEFT_FTM_EVENT, WEFT_ENTITY_OTHER, WEFT_SOURCE_OTHER,
    NULL, NULL, FALSE, NULL, interval_start, interval_end },
  EDGE ("UnknownLink", "subject", "object", FALSE, "linked_to"),
  THING ("UserAccount", OTHER, NULL, NULL),
  THING ("Vehicle", OTHER, vehicle_start, vehicle_end),
  THING ("Vessel", OTHER, vehicle_start, vehicle_end),
  DOC ("Video", OTHER),
  DOC ("Workbook", DATASET),
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
    case WEFT_SOURCE_REPORT:
    case WEFT_SOURCE_SURVEY:
    case WEFT_SOURCE_BOOK:
    case WEFT_SOURCE_OTHER:
    case WEFT_N_SOURCE_KINDS:
    default:
      return "Document";
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
