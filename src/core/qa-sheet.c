/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qa-audit-private.h"
#include "qa-consensus-private.h"
#include "qa-database-private.h"
#include "qa-output-private.h"
#include "qa-experts.h"
#include "qa-experts-private.h"
#include "qa-scores.h"
#include "qa-session-private.h"
#include "qa-sheet.h"
#include "qa-text.h"
#include "qa-util-private.h"
#include "qa-xml-private.h"

#define SHEET_NS "urn:qareview:scoresheet:1"

/* How much of a sheet's canonical form is held before it is fed to the signature's HMAC. */
#define CANONICAL_CHUNK (64 * 1024)

G_DEFINE_QUARK (qa-sheet-error-quark, qa_sheet_error)

/* A sheet as read or about to be written. */
typedef struct
{
  char *code;
  int   percent;
  char *strengths;
  char *improvements;
} SheetItem;

typedef struct
{
  char      *id;
  GPtrArray *items;   /* SheetItem */
} SheetApplication;

typedef struct
{
  char      *session;    /* the session's identity; absent in sheets of older packages */
  char      *reviewer;
  char      *stage;
  guint      revision;
  char      *created;
  char      *signature;
  GPtrArray *applications;   /* SheetApplication */
} Sheet;

static void
sheet_item_free (SheetItem *item)
{
  g_free (item->code);
  g_free (item->strengths);
  g_free (item->improvements);
  g_free (item);
}

static void
sheet_application_free (SheetApplication *application)
{
  g_free (application->id);
  g_ptr_array_unref (application->items);
  g_free (application);
}

static void
sheet_free (Sheet *sheet)
{
  g_free (sheet->session);
  g_free (sheet->reviewer);
  g_free (sheet->stage);
  g_free (sheet->created);
  g_free (sheet->signature);
  g_ptr_array_unref (sheet->applications);
  g_free (sheet);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sheet, sheet_free)

static Sheet *
sheet_new (void)
{
  Sheet *sheet = g_new0 (Sheet, 1);

  sheet->applications = g_ptr_array_new_with_free_func ((GDestroyNotify)sheet_application_free);
  return sheet;
}

static SheetApplication *
sheet_add_application (Sheet      *sheet,
                       const char *id)
{
  SheetApplication *application = g_new0 (SheetApplication, 1);

  application->id = g_strdup (id);
  application->items = g_ptr_array_new_with_free_func ((GDestroyNotify)sheet_item_free);
  g_ptr_array_add (sheet->applications, application);
  return application;
}

/* Everything the signature covers, each field length-prefixed so no two sheets serialise alike:
 * the session, reviewer, stage, revision and time, and every application's every item with its
 * texts. A sheet of a package made before sessions had an identity is signed without it, in the
 * first form; removing the session from a sheet therefore breaks its signature. */
static char *
sheet_signature (const Sheet *sheet,
                 const char  *secret)
{
  /* Fed to the HMAC a piece at a time: a sheet of 10,000 applicants serialises to about 50 MB,
   * which was built whole (and regrown) before it was hashed. */
  QaHmac *hmac = _qa_hmac_sha256_new (secret);
  g_autoptr(GString) canonical = g_string_sized_new (CANONICAL_CHUNK + 4096);
  char revision[24];

  g_string_append (canonical, sheet->session != NULL ? "qareview-scoresheet-2;"
                                                     : "qareview-scoresheet-1;");
  g_snprintf (revision, sizeof revision, "%u", sheet->revision);
  if (sheet->session != NULL)
    _qa_canonical_append (canonical, sheet->session);
  _qa_canonical_append (canonical, sheet->reviewer);
  _qa_canonical_append (canonical, sheet->stage);
  _qa_canonical_append (canonical, revision);
  _qa_canonical_append (canonical, sheet->created);

  for (guint a = 0; a < sheet->applications->len; a++)
    {
      const SheetApplication *application = g_ptr_array_index (sheet->applications, a);

      g_string_append (canonical, "A");
      _qa_canonical_append (canonical, application->id);
      for (guint i = 0; i < application->items->len; i++)
        {
          const SheetItem *item = g_ptr_array_index (application->items, i);
          char percent[16];

          g_snprintf (percent, sizeof percent, "%d", item->percent);
          g_string_append (canonical, "I");
          _qa_canonical_append (canonical, item->code);
          _qa_canonical_append (canonical, percent);
          _qa_canonical_append (canonical, item->strengths);
          _qa_canonical_append (canonical, item->improvements);
        }
      if (canonical->len >= CANONICAL_CHUNK)
        {
          _qa_hmac_sha256_update (hmac, canonical->str, canonical->len);
          g_string_truncate (canonical, 0);
        }
    }

  _qa_hmac_sha256_update (hmac, canonical->str, canonical->len);
  return _qa_hmac_sha256_finish_hex (hmac);
}

/* Compares in time independent of where the strings differ. */
static gboolean
signatures_equal (const char *a,
                  const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  guint8 diff = la != lb;

  for (gsize i = 0; i < MIN (la, lb); i++)
    diff |= (guint8)(a[i] ^ b[i]);
  return diff == 0;
}

/* The title of a stage named in a sheet (already valid against the XSD). */
static const char *
stage_title (const char *name)
{
  QaStage stage = QA_STAGE_MATERIAL;

  qa_stage_from_string (name, &stage);
  return qa_stage_get_title (stage);
}

/* Export ------------------------------------------------------------------------------------- */

static gboolean
read_package_sheet (QaSession  *package,
                    Sheet      *sheet,
                    char      **secret,
                    GError    **error)
{
  QaDatabase *db = qa_session_get_database (package);
  g_auto(GStrv) applicants = NULL;
  sqlite3_stmt *stmt;
  QaStage stage = qa_session_get_package_stage (package);
  const char *reviewer = qa_session_get_package_reviewer (package);

  stmt = _qa_database_prepare (db,
                               "SELECT (SELECT secret FROM package_key WHERE stage = ?1 AND expert_id = ?2), "
                               "coalesce((SELECT revision FROM sheet WHERE stage = ?1 AND expert_id = ?2), 0)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, qa_stage_to_string (stage), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, reviewer, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;
  *secret = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sheet->revision = (guint)sqlite3_column_int (stmt, 1) + 1;
  sqlite3_reset (stmt);

  sheet->session = g_strdup (qa_session_get_uuid (package));
  sheet->reviewer = g_strdup (reviewer);
  sheet->stage = g_strdup (qa_stage_to_string (stage));

  applicants = qa_scores_assigned_applicants (package, reviewer, stage, error);
  if (applicants == NULL)
    return FALSE;

  for (guint a = 0; applicants[a] != NULL; a++)
    {
      g_autoptr(QaScoreSheet) scores = qa_score_sheet_new (package, reviewer, applicants[a], stage, error);
      SheetApplication *application;
      GListModel *items;

      if (scores == NULL)
        return FALSE;

      application = sheet_add_application (sheet, applicants[a]);
      items = qa_score_sheet_get_items (scores);
      for (guint i = 0; i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(QaItemScore) score = g_list_model_get_item (items, i);
          SheetItem *item;

          if (qa_item_score_get_percent (score) < 0)
            continue;
          item = g_new0 (SheetItem, 1);
          item->code = g_strdup (qa_item_get_code (qa_item_score_get_item (score)));
          item->percent = qa_item_score_get_percent (score);
          item->strengths = g_strdup (qa_item_score_get_strengths (score));
          item->improvements = g_strdup (qa_item_score_get_improvements (score));
          g_ptr_array_add (application->items, item);
        }
    }

  return TRUE;
}

static xmlDoc *
sheet_to_xml (const Sheet *sheet)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *)"1.0");
  xmlNode *root = xmlNewNode (NULL, (const xmlChar *)"scoresheet");
  g_autofree char *revision = g_strdup_printf ("%u", sheet->revision);
  xmlNs *ns;

  xmlDocSetRootElement (doc, root);
  ns = xmlNewNs (root, (const xmlChar *)SHEET_NS, NULL);
  xmlSetNs (root, ns);
  if (sheet->session != NULL)
    xmlNewProp (root, (const xmlChar *)"session", (const xmlChar *)sheet->session);
  xmlNewProp (root, (const xmlChar *)"reviewer", (const xmlChar *)sheet->reviewer);
  xmlNewProp (root, (const xmlChar *)"stage", (const xmlChar *)sheet->stage);
  xmlNewProp (root, (const xmlChar *)"revision", (const xmlChar *)revision);
  xmlNewProp (root, (const xmlChar *)"created", (const xmlChar *)sheet->created);
  xmlNewProp (root, (const xmlChar *)"signature", (const xmlChar *)sheet->signature);

  for (guint a = 0; a < sheet->applications->len; a++)
    {
      const SheetApplication *application = g_ptr_array_index (sheet->applications, a);
      xmlNode *node = xmlNewChild (root, ns, (const xmlChar *)"application", NULL);

      xmlNewProp (node, (const xmlChar *)"id", (const xmlChar *)application->id);
      for (guint i = 0; i < application->items->len; i++)
        {
          const SheetItem *item = g_ptr_array_index (application->items, i);
          xmlNode *item_node = xmlNewChild (node, ns, (const xmlChar *)"item", NULL);
          g_autofree char *percent = g_strdup_printf ("%d", item->percent);

          xmlNewProp (item_node, (const xmlChar *)"code", (const xmlChar *)item->code);
          xmlNewProp (item_node, (const xmlChar *)"percent", (const xmlChar *)percent);
          if (item->strengths != NULL)
            xmlNewTextChild (item_node, ns, (const xmlChar *)"strengths", (const xmlChar *)item->strengths);
          if (item->improvements != NULL)
            xmlNewTextChild (item_node, ns, (const xmlChar *)"improvements", (const xmlChar *)item->improvements);
        }
    }

  return doc;
}

typedef struct
{
  const Sheet *sheet;
  const char  *sha256;
} ExportRecord;

static gboolean
record_export_cb (QaDatabase  *db,
                  gpointer     user_data,
                  GError     **error)
{
  const ExportRecord *record = user_data;
  g_autofree char *now = _qa_now_iso ();
  g_autofree char *after = g_strdup_printf ("revision=%u; sha256=%s", record->sheet->revision,
                                            record->sha256);
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db,
                               "INSERT INTO sheet (stage, expert_id, revision, sha256, imported_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (stage, expert_id) DO UPDATE SET "
                               "revision = excluded.revision, sha256 = excluded.sha256, "
                               "imported_at = excluded.imported_at",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, record->sheet->stage, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, record->sheet->reviewer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int)record->sheet->revision);
  sqlite3_bind_text (stmt, 4, record->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  return _qa_database_check (db, sqlite3_step (stmt), error) &&
         _qa_audit_append (db, "sheet.export", "expert", record->sheet->reviewer, NULL, after, error);
}

gboolean
qa_sheet_export (QaSession      *package,
                 const char     *path,
                 QaOutputFlags   flags,
                 GError        **error)
{
  g_autoptr(QaOutput) output = NULL;
  g_autoptr(Sheet) sheet = sheet_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *secret = NULL;
  g_autofree char *sha256 = NULL;
  xmlChar *text = NULL;
  ExportRecord record;
  xmlDoc *doc;
  int length = 0;
  gboolean ok;

  g_return_val_if_fail (QA_IS_SESSION (package), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!qa_session_is_package (package))
    {
      g_set_error_literal (error, QA_SHEET_ERROR, QA_SHEET_ERROR_NO_KEY,
                           _("A score sheet is exported from a reviewer’s review package, not from the session database"));
      return FALSE;
    }

  if (!read_package_sheet (package, sheet, &secret, error))
    return FALSE;
  sheet->created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  sheet->signature = sheet_signature (sheet, secret);

  doc = sheet_to_xml (sheet);
  xmlDocDumpFormatMemoryEnc (doc, &text, &length, "UTF-8", 1);
  xmlFreeDoc (doc);

  sha256 = _qa_sha256_hex (text, (gsize)length);
  record.sheet = sheet;
  record.sha256 = sha256;

  /* Recorded as exported only with the file in place. */
  output = qa_output_new (path, flags, error);
  ok = output != NULL && qa_output_write (output, text, (gsize)length, error) &&
       _qa_output_commit_recorded (output, qa_session_get_database (package), record_export_cb,
                                   &record, error);
  xmlFree (text);
  return ok;
}

/* Import ------------------------------------------------------------------------------------- */

/* A sheet built as its XML is read (_qa_xml_stream_validated()): the root's attributes, then
 * each application, its items and their two comments. Only kept once the document proved
 * well-formed and valid against the XSD, so the structure can be taken as known good here. */
typedef struct
{
  Sheet            *sheet;
  guint             depth;
  SheetApplication *application;
  SheetItem        *item;
  char            **text_target;   /* the comment being read, or NULL */
  GString          *text;
} SheetReader;

static const char *
find_attribute (const QaXmlAttribute *attributes,
                guint                 n_attributes,
                const char           *name)
{
  for (guint i = 0; i < n_attributes; i++)
    if (strcmp (attributes[i].name, name) == 0)
      return attributes[i].value;
  return NULL;
}

static void
sheet_reader_start (gpointer              user_data,
                    const char           *uri,
                    const char           *localname,
                    const QaXmlAttribute *attributes,
                    guint                 n_attributes)
{
  SheetReader *reader = user_data;
  Sheet *sheet = reader->sheet;
  gboolean ours = g_strcmp0 (uri, SHEET_NS) == 0;

  reader->depth++;
  if (!ours)
    return;

  if (reader->depth == 1)
    {
      const char *revision = find_attribute (attributes, n_attributes, "revision");

      g_clear_pointer (&sheet->session, g_free);
      sheet->session = g_strdup (find_attribute (attributes, n_attributes, "session"));
      sheet->reviewer = g_strdup (find_attribute (attributes, n_attributes, "reviewer"));
      sheet->stage = g_strdup (find_attribute (attributes, n_attributes, "stage"));
      sheet->revision = revision != NULL ? (guint)g_ascii_strtoull (revision, NULL, 10) : 1;
      sheet->created = g_strdup (find_attribute (attributes, n_attributes, "created"));
      if (sheet->created != NULL)
        g_strstrip (sheet->created);
      sheet->signature = g_strdup (find_attribute (attributes, n_attributes, "signature"));
    }
  else if (reader->depth == 2 && strcmp (localname, "application") == 0)
    reader->application = sheet_add_application (sheet, find_attribute (attributes, n_attributes, "id"));
  else if (reader->depth == 3 && reader->application != NULL && strcmp (localname, "item") == 0)
    {
      const char *percent = find_attribute (attributes, n_attributes, "percent");

      reader->item = g_new0 (SheetItem, 1);
      reader->item->code = g_strdup (find_attribute (attributes, n_attributes, "code"));
      reader->item->percent = percent != NULL ? (int)g_ascii_strtoll (percent, NULL, 10) : 0;
      g_ptr_array_add (reader->application->items, reader->item);
    }
  else if (reader->depth == 4 && reader->item != NULL)
    {
      /* The first of each, as the tree's first matching child was taken. */
      if (strcmp (localname, "strengths") == 0 && reader->item->strengths == NULL)
        reader->text_target = &reader->item->strengths;
      else if (strcmp (localname, "improvements") == 0 && reader->item->improvements == NULL)
        reader->text_target = &reader->item->improvements;
      g_string_truncate (reader->text, 0);
    }
}

static void
sheet_reader_end (gpointer    user_data,
                  const char *localname)
{
  SheetReader *reader = user_data;

  if (reader->depth == 4 && reader->text_target != NULL)
    {
      *reader->text_target = g_strstrip (g_strndup (reader->text->str, reader->text->len));
      reader->text_target = NULL;
    }
  else if (reader->depth == 3)
    reader->item = NULL;
  else if (reader->depth == 2)
    reader->application = NULL;
  reader->depth--;
}

static void
sheet_reader_text (gpointer    user_data,
                   const char *text,
                   gsize       length)
{
  SheetReader *reader = user_data;

  /* All the text inside the comment, as xmlNodeGetContent() gathered it. */
  if (reader->text_target != NULL && reader->depth >= 4)
    g_string_append_len (reader->text, text, (gssize)length);
}

static const QaXmlStreamHandler sheet_reader_handler = {
  sheet_reader_start,
  sheet_reader_end,
  sheet_reader_text,
};

/* Reads, checks against the XSD and takes in the sheet in one pass over its bytes; NULL with
 * @error set when it is not well-formed or not valid. */
static Sheet *
sheet_read_xml (GBytes      *bytes,
                const char  *name,
                gsize        max_size,
                GError     **error)
{
  g_autoptr(Sheet) sheet = sheet_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  SheetReader reader = { sheet, 0, NULL, NULL, NULL, text };

  if (!_qa_xml_stream_validated (bytes, name, max_size, "schemas/scoresheet.xsd", QA_SHEET_ERROR,
                                 QA_SHEET_ERROR_PARSE, QA_SHEET_ERROR_PARSE,
                                 &sheet_reader_handler, &reader, error))
    return NULL;
  return g_steal_pointer (&sheet);
}

typedef struct
{
  const char     *name;
  const Sheet    *sheet;
  const char     *sha256;
  QaSession      *session;
  QaSheetOutcome  outcome;
} ImportJob;

static gboolean
check_reviewer (QaDatabase  *db,
                ImportJob   *job,
                GError     **error)
{
  const Sheet *sheet = job->sheet;
  sqlite3_stmt *stmt;
  gboolean member;

  stmt = _qa_database_prepare (db,
                               "SELECT 1 FROM panel_member WHERE stage = ?1 AND expert_id = ?2 "
                               "AND role = 'member'",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sheet->stage, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, sheet->reviewer, -1, SQLITE_TRANSIENT);
  member = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!member)
    {
      g_set_error (error, QA_SHEET_ERROR, QA_SHEET_ERROR_NOT_ON_PANEL,
                   _("%s: Art. 11: reviewer %s is not on the panel of the %s"),
                   job->name, sheet->reviewer, stage_title (sheet->stage));
      return FALSE;
    }

  /* The reviewer's assignments and ties, each asked once for the whole sheet (the ties by the
   * indexed name keys), then looked up per application. */
  {
    g_autoptr(GHashTable) assigned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GHashTable) tied = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr(GPtrArray) ties = NULL;
    int rc;

    stmt = _qa_database_prepare (db,
                                 "SELECT applicant_id FROM assignment WHERE stage = ?1 AND expert_id = ?2",
                                 error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, sheet->stage, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, sheet->reviewer, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_hash_table_add (assigned, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
    sqlite3_reset (stmt);
    if (!_qa_database_check (db, rc, error))
      return FALSE;

    /* Recorded ties and those found from the employer alike (回避). */
    ties = _qa_experts_load_ties (db, qa_session_get_profile (job->session), sheet->reviewer,
                                  NULL, error);
    if (ties == NULL)
      return FALSE;
    for (guint t = 0; t < ties->len; t++)
      g_hash_table_add (tied, ((QaTie *)g_ptr_array_index (ties, t))->applicant_id);

    for (guint a = 0; a < sheet->applications->len; a++)
      {
        const SheetApplication *application = g_ptr_array_index (sheet->applications, a);

        if (g_hash_table_contains (tied, application->id))
          {
            g_set_error (error, QA_SHEET_ERROR, QA_SHEET_ERROR_NOT_ASSIGNED,
                         _("%s: reviewer %s has a conflict of interest with applicant %s and may not score it"),
                         job->name, sheet->reviewer, application->id);
            return FALSE;
          }
        if (!g_hash_table_contains (assigned, application->id))
          {
            g_set_error (error, QA_SHEET_ERROR, QA_SHEET_ERROR_NOT_ASSIGNED,
                         _("%s: applicant %s is not assigned to reviewer %s in the %s"),
                         job->name, application->id, sheet->reviewer, stage_title (sheet->stage));
            return FALSE;
          }
      }
  }
  return TRUE;
}

/* Compares with the sheet already stored; FALSE to refuse, else sets whether to store. */
static gboolean
check_revision (QaDatabase  *db,
                ImportJob   *job,
                gboolean    *store,
                guint       *stored_revision,
                GError     **error)
{
  const Sheet *sheet = job->sheet;
  g_autofree char *stored_sha = NULL;
  sqlite3_stmt *stmt;
  int rc;

  *store = TRUE;
  *stored_revision = 0;

  stmt = _qa_database_prepare (db, "SELECT revision, sha256 FROM sheet WHERE stage = ?1 AND expert_id = ?2",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sheet->stage, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, sheet->reviewer, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *stored_revision = (guint)sqlite3_column_int (stmt, 0);
      stored_sha = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (!_qa_database_check (db, rc, error))
    return FALSE;

  if (stored_sha == NULL || sheet->revision > *stored_revision)
    return TRUE;

  if (sheet->revision == *stored_revision && g_strcmp0 (stored_sha, job->sha256) == 0)
    {
      *store = FALSE;
      return TRUE;
    }

  g_set_error (error, QA_SHEET_ERROR, QA_SHEET_ERROR_OLDER,
               _("%s: this is revision %u of %s’s sheet, but revision %u is already stored; export the sheet again from the package"),
               job->name, sheet->revision, sheet->reviewer, *stored_revision);
  return FALSE;
}

static gboolean
store_scores (QaDatabase  *db,
              ImportJob   *job,
              GError     **error)
{
  const Sheet *sheet = job->sheet;
  g_autofree char *now = _qa_now_iso ();
  sqlite3_stmt *stmt;

  /* The sheet is the reviewer's whole sheet for the stage: it replaces what came before. */
  stmt = _qa_database_prepare (db, "DELETE FROM score WHERE stage = ?1 AND expert_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sheet->stage, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, sheet->reviewer, -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  /* One statement for every item: the sheet's own fields bound once, each item's bound from
   * the parsed sheet, which outlives the statement's use (no copies). */
  stmt = _qa_database_prepare (db,
                               "INSERT INTO score (stage, expert_id, applicant_id, item, percent, "
                               "strengths, improvements, revision, updated_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sheet->stage, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sheet->reviewer, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 8, (int)sheet->revision);
  sqlite3_bind_text (stmt, 9, sheet->created != NULL ? sheet->created : now, -1, SQLITE_STATIC);
  for (guint a = 0; a < sheet->applications->len; a++)
    {
      const SheetApplication *application = g_ptr_array_index (sheet->applications, a);

      sqlite3_bind_text (stmt, 3, application->id, -1, SQLITE_STATIC);
      for (guint i = 0; i < application->items->len; i++)
        {
          const SheetItem *item = g_ptr_array_index (application->items, i);
          int rc;

          sqlite3_bind_text (stmt, 4, item->code, -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 5, item->percent);
          if (item->strengths != NULL && *item->strengths != '\0')
            sqlite3_bind_text (stmt, 6, item->strengths, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (stmt, 6);
          if (item->improvements != NULL && *item->improvements != '\0')
            sqlite3_bind_text (stmt, 7, item->improvements, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (stmt, 7);
          rc = sqlite3_step (stmt);
          if (!_qa_database_check (db, rc, error))
            return FALSE;
          sqlite3_reset (stmt);
        }
    }
  sqlite3_clear_bindings (stmt);

  stmt = _qa_database_prepare (db,
                               "INSERT INTO sheet (stage, expert_id, revision, sha256, imported_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (stage, expert_id) DO UPDATE SET "
                               "revision = excluded.revision, sha256 = excluded.sha256, "
                               "imported_at = excluded.imported_at",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sheet->stage, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, sheet->reviewer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, (int)sheet->revision);
  sqlite3_bind_text (stmt, 4, job->sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
  return _qa_database_check (db, sqlite3_step (stmt), error);
}

static gboolean
import_cb (QaDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  ImportJob *job = user_data;
  const Sheet *sheet = job->sheet;
  QaStage stage = QA_STAGE_MATERIAL;
  guint stored_revision = 0, n_items = 0;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *closed_at = NULL;
  gboolean store;

  qa_stage_from_string (sheet->stage, &stage);
  closed_at = qa_session_dup_stage_closed_at (job->session, stage);
  if (closed_at != NULL)
    {
      g_set_error (error, QA_SHEET_ERROR, QA_SHEET_ERROR_STAGE_CLOSED,
                   _("%s: the %s was closed at %s; no more score sheets are taken"), job->name,
                   qa_stage_get_title (stage), closed_at);
      return FALSE;
    }

  if (!check_reviewer (db, job, error) ||
      !check_revision (db, job, &store, &stored_revision, error))
    return FALSE;

  if (!store)
    {
      job->outcome = QA_SHEET_UNCHANGED;
      return TRUE;
    }

  if (!store_scores (db, job, error) ||
      !_qa_consensus_note_moved_defaults (db, qa_session_get_profile (job->session), stage,
                                          sheet->reviewer, error))
    return FALSE;

  for (guint a = 0; a < sheet->applications->len; a++)
    n_items += ((SheetApplication *)g_ptr_array_index (sheet->applications, a))->items->len;
  if (stored_revision > 0)
    before = g_strdup_printf ("revision=%u", stored_revision);
  after = g_strdup_printf ("stage=%s; revision=%u; applications=%u; items=%u; sha256=%s",
                           sheet->stage, sheet->revision, sheet->applications->len, n_items,
                           job->sha256);
  job->outcome = QA_SHEET_STORED;
  return _qa_audit_append (db, "sheet.import", "expert", sheet->reviewer, before, after, error);
}

static char *
lookup_secret (QaDatabase  *db,
               const Sheet *sheet)
{
  sqlite3_stmt *stmt;
  char *secret = NULL;

  stmt = _qa_database_prepare (db, "SELECT secret FROM package_key WHERE stage = ?1 AND expert_id = ?2",
                               NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, sheet->stage, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, sheet->reviewer, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    secret = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return secret;
}

/* What one item of a sheet may take: its element and attributes, and two comments of the
 * longest length at up to 6 bytes a character (a quote is written &quot;). */
#define SHEET_ITEM_OVERHEAD 256
#define SHEET_BYTES_PER_CHAR 6

gsize
qa_sheet_get_max_size (QaSession *session)
{
  QaDatabase *db;
  sqlite3_stmt *stmt;
  guint64 size = QA_XML_MAX_SIZE;

  g_return_val_if_fail (QA_IS_SESSION (session), QA_XML_MAX_SIZE);

  db = qa_session_get_database (session);
  stmt = _qa_database_prepare (db, "SELECT (SELECT count(*) FROM applicant), (SELECT count(*) FROM item)",
                               NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint64 per_item = SHEET_ITEM_OVERHEAD +
                         2 * (guint64)qa_text_comment_max_length () * SHEET_BYTES_PER_CHAR;

      size = MAX (size, 64 * 1024 + (guint64)sqlite3_column_int64 (stmt, 0) *
                                    (guint64)sqlite3_column_int64 (stmt, 1) * per_item);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return (gsize)MIN (size, (guint64)QA_XML_HARD_MAX_SIZE);
}

GBytes *
qa_sheet_read_file (QaSession  *session,
                    GFile      *file,
                    GError    **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return _qa_read_bounded (file, qa_sheet_get_max_size (session), QA_SHEET_ERROR,
                           QA_SHEET_ERROR_PARSE, error);
}

/* Parses, validates and verifies the sheet; NULL with @error set when any of it fails. */
static Sheet *
read_signed_sheet (QaSession   *session,
                   GBytes      *bytes,
                   const char  *name,
                   gsize        max_size,
                   GError     **error)
{
  QaDatabase *db = qa_session_get_database (session);
  const char *uuid = qa_session_get_uuid (session);
  g_autoptr(Sheet) sheet = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *expected = NULL;

  sheet = sheet_read_xml (bytes, name, max_size, error);
  if (sheet == NULL)
    return NULL;

  /* Said first: another session's sheet fails its signature here too, but not for a change. */
  if (sheet->session != NULL && g_strcmp0 (sheet->session, uuid) != 0)
    {
      g_set_error (error, QA_SHEET_ERROR, QA_SHEET_ERROR_OTHER_SESSION,
                   _("%s: the sheet comes from a review package of another award session (%s), not of this one; reviewer %s must return the sheet of this session’s package"),
                   name, sheet->session, sheet->reviewer);
      return NULL;
    }
  secret = lookup_secret (db, sheet);
  if (secret == NULL)
    {
      g_set_error (error, QA_SHEET_ERROR, QA_SHEET_ERROR_NO_KEY,
                   _("%s: no review package for the %s was issued to reviewer %s in this session"),
                   name, stage_title (sheet->stage), sheet->reviewer);
      return NULL;
    }
  if (sheet->signature == NULL)
    {
      g_set_error (error, QA_SHEET_ERROR, QA_SHEET_ERROR_SIGNATURE,
                   _("%s: the sheet is not signed; export it again from the review package"), name);
      return NULL;
    }

  expected = sheet_signature (sheet, secret);
  if (!signatures_equal (expected, sheet->signature))
    {
      g_set_error (error, QA_SHEET_ERROR, QA_SHEET_ERROR_SIGNATURE,
                   _("%s: the signature does not match: the sheet was changed after reviewer %s exported it"),
                   name, sheet->reviewer);
      return NULL;
    }

  return g_steal_pointer (&sheet);
}

gboolean
qa_sheet_import (QaSession       *session,
                 GBytes          *bytes,
                 const char      *name,
                 QaSheetOutcome  *outcome,
                 char           **reviewer_id,
                 GError         **error)
{
  g_autoptr(Sheet) sheet = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GError) local_error = NULL;
  QaDatabase *db;
  ImportJob job;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (reviewer_id != NULL)
    *reviewer_id = NULL;
  db = qa_session_get_database (session);

  sheet = read_signed_sheet (session, bytes, name, qa_sheet_get_max_size (session), &local_error);
  if (sheet != NULL)
    {
      if (reviewer_id != NULL)
        *reviewer_id = g_strdup (sheet->reviewer);

      sha256 = _qa_sha256_hex (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      job.name = name;
      job.sheet = sheet;
      job.sha256 = sha256;
      job.session = session;
      job.outcome = QA_SHEET_UNCHANGED;

      if (qa_database_transaction (db, import_cb, &job, &local_error))
        {
          if (outcome != NULL)
            *outcome = job.outcome;
          return TRUE;
        }
    }

  /* Nothing of the sheet was stored; the refusal itself is on record. */
  qa_audit_record_refusal (db, "sheet.import.refused", "file", name, local_error->message, NULL);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

typedef struct
{
  QaSessionTicket *ticket;
  GFile           *file;
  QaSheetOutcome   outcome;
  char            *reviewer_id;
} ImportFileJob;

static void
import_file_job_free (ImportFileJob *job)
{
  _qa_session_ticket_free (job->ticket);
  g_clear_object (&job->file);
  g_free (job->reviewer_id);
  g_free (job);
}

static void
import_file_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ImportFileJob *job = task_data;
  g_autoptr(QaSession) session = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (job->file);

  session = _qa_session_ticket_open (job->ticket, &error);
  if (session != NULL)
    bytes = qa_sheet_read_file (session, job->file, &error);
  if (bytes == NULL ||
      !qa_sheet_import (session, bytes, name, &job->outcome, &job->reviewer_id, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
qa_sheet_import_file_async (QaSession           *session,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportFileJob *job;

  g_return_if_fail (QA_IS_SESSION (session));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ImportFileJob, 1);
  job->ticket = _qa_session_ticket_new (session);
  job->file = g_object_ref (file);
  job->outcome = QA_SHEET_UNCHANGED;

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, qa_sheet_import_file_async);
  g_task_set_task_data (task, job, (GDestroyNotify)import_file_job_free);
  g_task_run_in_thread (task, import_file_thread);
}

gboolean
qa_sheet_import_file_finish (QaSession       *session,
                             GAsyncResult    *result,
                             QaSheetOutcome  *outcome,
                             char           **reviewer_id,
                             GError         **error)
{
  ImportFileJob *job;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, session), FALSE);

  if (reviewer_id != NULL)
    *reviewer_id = NULL;
  job = g_task_get_task_data (G_TASK (result));
  /* The reviewer is known even of a refused sheet, when it could be read that far. */
  if (reviewer_id != NULL)
    *reviewer_id = g_strdup (job->reviewer_id);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  /* The worker wrote through a connection of its own. */
  _qa_database_queue_changed (qa_session_get_database (session));
  if (outcome != NULL)
    *outcome = job->outcome;
  return TRUE;
}
