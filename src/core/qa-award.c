/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qa-award"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "qa-audit-private.h"
#include "qa-award.h"
#include "qa-certificate.h"
#include "qa-csv.h"
#include "qa-database-private.h"
#include "qa-outcome-private.h"
#include "qa-output-private.h"
#include "qa-pdf-private.h"
#include "qa-util-private.h"

static const char * const status_names[] = { "valid", "publicity_barred", "revoked", "expired" };
static const char * const status_labels[] = { N_("Valid"), N_("Publicity barred"), N_("Revoked"),
                                              N_("Expired") };

const char *
qa_award_status_to_string (QaAwardStatus status)
{
  g_return_val_if_fail (status <= QA_AWARD_EXPIRED, NULL);
  return status_names[status];
}

const char *
qa_award_status_get_label (QaAwardStatus status)
{
  g_return_val_if_fail (status <= QA_AWARD_EXPIRED, NULL);
  return _(status_labels[status]);
}

void
qa_award_free (QaAward *award)
{
  if (award == NULL)
    return;
  g_free (award->certificate_number);
  g_free (award->applicant_id);
  g_free (award->name);
  g_free (award->approved_on);
  g_free (award->valid_until);
  g_free (award->tier);
  g_free (award->status_reason);
  g_free (award->status_on);
  g_free (award->rectify_by);
  g_free (award);
}

static char *
today_iso (const char *today)
{
  GDate date;

  if (!_qa_outcome_parse_date (today, "today", &date, NULL))
    _qa_outcome_parse_date (NULL, "today", &date, NULL);
  return _qa_outcome_format_date (&date);
}

/* Reading awards ----------------------------------------------------------------------------- */

#define AWARD_COLUMNS \
  "SELECT w.certificate_number, w.applicant_id, a.name, w.approved_on, w.valid_until, w.tier, " \
  "w.prize_yuan, w.status, w.status_reason, w.status_on, " \
  "(SELECT e.deadline FROM award_event e WHERE e.applicant_id = w.applicant_id " \
  " AND e.kind IN ('rectification', 'kept', 'revoked') ORDER BY e.id DESC LIMIT 1), " \
  "(SELECT e.kind FROM award_event e WHERE e.applicant_id = w.applicant_id " \
  " AND e.kind IN ('rectification', 'kept', 'revoked') ORDER BY e.id DESC LIMIT 1) " \
  "FROM award w JOIN applicant a ON a.id = w.applicant_id "

static QaAward *
read_award (sqlite3_stmt *stmt,
            const char   *today)
{
  QaAward *award = g_new0 (QaAward, 1);
  const char *status = (const char *)sqlite3_column_text (stmt, 7);

  award->certificate_number = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  award->applicant_id = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
  award->name = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
  award->approved_on = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
  award->valid_until = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
  award->tier = g_strdup ((const char *)sqlite3_column_text (stmt, 5));
  award->prize_yuan = (guint)sqlite3_column_int (stmt, 6);
  award->status = QA_AWARD_VALID;
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (status, status_names[i]) == 0)
      award->status = i;
  award->status_reason = g_strdup ((const char *)sqlite3_column_text (stmt, 8));
  award->status_on = g_strdup ((const char *)sqlite3_column_text (stmt, 9));
  if (g_strcmp0 ((const char *)sqlite3_column_text (stmt, 11), "rectification") == 0)
    award->rectify_by = g_strdup ((const char *)sqlite3_column_text (stmt, 10));

  /* Art. 7: past its validity, and not kept by a re-evaluation (nor under rectification). */
  if (award->status != QA_AWARD_REVOKED && award->rectify_by == NULL &&
      strcmp (today, award->valid_until) > 0)
    award->status = QA_AWARD_EXPIRED;
  return award;
}

GPtrArray *
qa_award_list (QaSession   *session,
               const char  *today,
               GError     **error)
{
  QaDatabase *db;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_award_free);
  g_autofree char *on = today_iso (today);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  db = qa_session_get_database (session);
  stmt = _qa_database_prepare (db, AWARD_COLUMNS "ORDER BY w.certificate_number", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_award (stmt, on));
  sqlite3_reset (stmt);
  if (!_qa_database_check (db, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

static QaAward *
load_award (QaSession   *session,
            const char  *column,
            const char  *value,
            const char  *today,
            GError     **error)
{
  QaDatabase *db = qa_session_get_database (session);
  g_autofree char *sql = g_strdup_printf (AWARD_COLUMNS "WHERE w.%s = ?1", column);
  g_autofree char *on = today_iso (today);
  QaAward *award = NULL;
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    award = read_award (stmt, on);
  sqlite3_reset (stmt);
  if (award == NULL)
    g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_UNKNOWN,
                 g_strcmp0 (column, "applicant_id") == 0
                 ? _("%s has no award")
                 : _("Art. 22: no certificate numbered %s was ever issued"),
                 value);
  return award;
}

QaAward *
qa_award_verify (QaSession   *session,
                 const char  *number,
                 const char  *today,
                 GError     **error)
{
  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (!qa_certificate_number_is_valid (number))
    {
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
                   _("Art. 22: %s is not a valid certificate number (its layout or check "
                     "character is wrong)"),
                   number);
      return NULL;
    }
  return load_award (session, "certificate_number", number, today, error);
}

static const QaExportColumn award_columns[] = {
  { "certificate_number", N_("Certificate number"), QA_COLUMN_TEXT, 0.17, FALSE },
  { "applicant_id", N_("Applicant"), QA_COLUMN_TEXT, 0.08, FALSE },
  { "name", N_("Organisation name"), QA_COLUMN_TEXT, 0.25, FALSE },
  { "approved_on", N_("Approved on"), QA_COLUMN_DATE, 0.10, FALSE },
  { "valid_until", N_("Valid until"), QA_COLUMN_DATE, 0.10, FALSE },
  { "status", N_("Status"), QA_COLUMN_TEXT, 0.11, FALSE },
  { "tier", N_("Tier"), QA_COLUMN_TEXT, 0.09, TRUE },
  { "prize_yuan", N_("Prize (yuan)"), QA_COLUMN_INTEGER, 0.10, TRUE },
};

QaExportTable *
qa_award_table (QaSession *session,
                GPtrArray *awards)
{
  g_autofree char *session_title = qa_session_dup_title (session);
  g_autofree char *title = g_strdup_printf (_("%s: awards"), session_title);
  QaExportTable *table = qa_export_table_new ("awards", title, award_columns,
                                              G_N_ELEMENTS (award_columns));

  for (guint i = 0; i < awards->len; i++)
    {
      const QaAward *w = g_ptr_array_index (awards, i);
      g_autofree char *prize = g_strdup_printf ("%u", w->prize_yuan);
      const char *cells[] = { w->certificate_number, w->applicant_id, w->name, w->approved_on,
                              w->valid_until, qa_award_status_to_string (w->status), w->tier,
                              prize };

      qa_export_table_add_row (table, cells);
    }
  return table;
}

/* Approval ----------------------------------------------------------------------------------- */

typedef struct
{
  QaSession         *session;
  char              *date;
  QaShortlistResult *result;
  GPtrArray         *made;     /* QaAward */
} Approval;

static gboolean
approve_cb (QaDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  Approval *approval = user_data;
  QaProfile *profile = qa_session_get_profile (approval->session);
  g_autoptr(GString) summary = g_string_new (approval->date);
  guint sequence[2] = { 0, 0 };
  GDate until;

  _qa_date_parse (approval->date, &until);
  g_date_add_years (&until, qa_profile_get_validity_years (profile));
  g_date_subtract_days (&until, 1);

  for (guint i = 0; i < approval->result->rows->len; i++)
    {
      const QaShortlistRow *row = g_ptr_array_index (approval->result->rows, i);
      guint tier_index = row->status == QA_OUTCOME_NOMINEE ? 1 : 0;
      const QaProfileTier *tier;
      g_autoptr(QaAward) award = NULL;
      g_autofree char *after = NULL;
      sqlite3_stmt *stmt;

      if (row->status != QA_OUTCOME_CANDIDATE && row->status != QA_OUTCOME_NOMINEE)
        continue;
      tier = qa_profile_get_tier (profile, tier_index);
      award = g_new0 (QaAward, 1);
      award->applicant_id = g_strdup (row->applicant_id);
      award->name = g_strdup (row->name);
      award->approved_on = g_strdup (approval->date);
      award->valid_until = _qa_outcome_format_date (&until);
      award->tier = g_strdup (tier->kind == QA_TIER_AWARD ? "award" : "nomination");
      award->prize_yuan = tier->prize_yuan;
      award->certificate_number = qa_certificate_number_new (qa_profile_get_id (profile),
                                                             qa_session_get_year (approval->session),
                                                             tier->kind == QA_TIER_AWARD ? 'A' : 'N',
                                                             ++sequence[tier_index]);

      stmt = _qa_database_prepare (db,
                                   "INSERT INTO award (applicant_id, certificate_number, approved_on, "
                                   "valid_until, status, tier, prize_yuan) "
                                   "VALUES (?1, ?2, ?3, ?4, 'valid', ?5, ?6)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, award->applicant_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, award->certificate_number, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, award->approved_on, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, award->valid_until, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, award->tier, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 6, (int)award->prize_yuan);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;

      stmt = _qa_database_prepare (db, "UPDATE applicant SET status = 'awarded' WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, award->applicant_id, -1, SQLITE_TRANSIENT);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;

      after = g_strdup_printf ("certificate=%s; tier=%s; approved=%s; valid_until=%s; prize=%u",
                               award->certificate_number, award->tier, award->approved_on,
                               award->valid_until, award->prize_yuan);
      if (!_qa_audit_append (db, "award.make", "applicant", award->applicant_id, NULL, after, error))
        return FALSE;
      g_string_append_printf (summary, "; %s", award->certificate_number);
      g_ptr_array_add (approval->made, g_steal_pointer (&award));
    }
  if (approval->made->len == 0)
    g_string_append (summary, "; vacant");

  return _qa_outcome_advance_stage (db, QA_STAGE_AWARD, error) &&
         _qa_audit_append (db, "award.approve", "session", NULL, NULL, summary->str, error);
}

GPtrArray *
qa_award_approve (QaSession   *session,
                  const char  *date,
                  GError     **error)
{
  QaDatabase *db;
  g_autoptr(QaShortlistResult) result = NULL;
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_award_free);
  Approval approval = { session, NULL, NULL, made };
  GError *local_error = NULL;
  GDate parsed;
  gboolean ok;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  db = qa_session_get_database (session);
  if (!_qa_outcome_require_secretariat (db, _("record the government's approval"), &local_error) ||
      !_qa_outcome_parse_date (date, "--date", &parsed, &local_error))
    goto refused;
  if (qa_session_get_stage (session) >= QA_STAGE_AWARD)
    {
      local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                                 _("Art. 16(7): the government's approval is already recorded"));
      goto refused;
    }
  if (!qa_outcome_check_submittable (session, date, &local_error))
    goto refused;
  result = qa_outcome_shortlist (session, &local_error);
  if (result == NULL)
    goto refused;

  approval.date = _qa_outcome_format_date (&parsed);
  approval.result = result;
  ok = qa_database_transaction (db, approve_cb, &approval, &local_error);
  g_free (approval.date);
  if (!ok)
    goto refused;
  if (!qa_session_reload (session, error))
    return NULL;
  return g_steal_pointer (&made);

refused:
  _qa_outcome_refuse (session, "award.approve.refused", "session", NULL, local_error, error);
  return NULL;
}

/* The certificate ---------------------------------------------------------------------------- */

#define CERTIFICATE_HEIGHT 460.0

typedef struct
{
  char *title;
  char *body;
  char *validity;
  char *prize;
  char *number;
  char *authority;
  char *date;
} CertificateFace;

static void
certificate_face_free (CertificateFace *face)
{
  g_free (face->title);
  g_free (face->body);
  g_free (face->validity);
  g_free (face->prize);
  g_free (face->number);
  g_free (face->authority);
  g_free (face->date);
  g_free (face);
}

/* One line or paragraph of the certificate at @y; returns the y below it. */
static double
certificate_text (cairo_t        *cr,
                  PangoLayout    *layout,
                  const char     *font,
                  const char     *text,
                  PangoAlignment  alignment,
                  double          x,
                  double          y,
                  double          width)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int height = 0;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  return y + (double)height / PANGO_SCALE;
}

/* The face of the certificate: a double frame, the title, the award, its validity and number,
 * and the government in whose name it is given (Art. 16(7)). */
static void
draw_certificate (cairo_t  *cr,
                  double    x,
                  double    y,
                  double    width,
                  double    height,
                  gpointer  user_data)
{
  const CertificateFace *face = user_data;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  double inner_x = x + 36, inner_width = width - 72, line;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.72, 0.12, 0.10);
  cairo_set_line_width (cr, 3);
  cairo_rectangle (cr, x + 4, y + 4, width - 8, height - 8);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.78, 0.62, 0.24);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, x + 12, y + 12, width - 24, height - 24);
  cairo_stroke (cr);

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  cairo_set_source_rgb (cr, 0.72, 0.12, 0.10);
  line = certificate_text (cr, layout, "Noto Serif CJK SC, Serif Bold 40", face->title,
                           PANGO_ALIGN_CENTER, inner_x, y + 44, inner_width);
  cairo_set_source_rgb (cr, 0, 0, 0);
  line = certificate_text (cr, layout, "Noto Serif CJK SC, Serif 22", face->body, PANGO_ALIGN_CENTER,
                           inner_x, line + 40, inner_width);
  line = certificate_text (cr, layout, "Noto Serif CJK SC, Serif 14", face->validity,
                           PANGO_ALIGN_CENTER, inner_x, line + 28, inner_width);
  if (face->prize != NULL)
    certificate_text (cr, layout, "Noto Serif CJK SC, Serif 14", face->prize, PANGO_ALIGN_CENTER,
                      inner_x, line + 8, inner_width);

  line = certificate_text (cr, layout, "Noto Serif CJK SC, Serif 18", face->authority,
                           PANGO_ALIGN_RIGHT, inner_x, y + height - 112, inner_width);
  certificate_text (cr, layout, "Noto Serif CJK SC, Serif 14", face->date, PANGO_ALIGN_RIGHT,
                    inner_x, line + 6, inner_width);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  certificate_text (cr, layout, "Noto Sans CJK SC, Sans 9", face->number, PANGO_ALIGN_CENTER,
                    inner_x, y + height - 40, inner_width);
  cairo_restore (cr);
}

gboolean
qa_award_write_certificate_pdf (QaSession   *session,
                                const char  *applicant_id,
                                const char  *path,
                                QaOutputFlags flags,
                                GError     **error)
{
  QaProfile *profile;
  g_autoptr(QaAward) award = NULL;
  g_autofree char *title = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  CertificateFace *face;
  const char *award_name;
  g_autoptr(QaPdfDocument) pdf = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  award = load_award (session, "applicant_id", applicant_id, NULL, error);
  if (award == NULL)
    return FALSE;
  if (award->status == QA_AWARD_REVOKED)
    {
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                   _("Art. 21: the title of %s was revoked on %s; no certificate is printed"),
                   award->name, award->status_on);
      return FALSE;
    }
  profile = qa_session_get_profile (session);
  award_name = g_strcmp0 (award->tier, "nomination") == 0 && qa_profile_get_n_tiers (profile) > 1
               ? qa_profile_tier_get_name (qa_profile_get_tier (profile, 1))
               : qa_profile_get_award_name (profile);

  face = g_new0 (CertificateFace, 1);
  face->title = g_strdup (_("Certificate of Honour"));
  /* Translators: the certificate's text: the organisation, the year and the award */
  face->body = g_strdup_printf (_("%s is awarded the title of the %u %s."), award->name,
                                qa_session_get_year (session), award_name);
  from = _qa_format_letter_date (award->approved_on);
  to = _qa_format_letter_date (award->valid_until);
  face->validity = g_strdup_printf (_("Valid from %s to %s (Art. 7)"), from, to);
  if (award->prize_yuan > 0)
    face->prize = g_strdup_printf (_("Prize: %u yuan"), award->prize_yuan);
  face->number = g_strdup_printf (_("Certificate No. %s (verify with: qareview-cli award verify %s)"),
                                  award->certificate_number, award->certificate_number);
  face->authority = g_strdup (qa_profile_get_authority (profile));
  face->date = _qa_format_letter_date (award->approved_on);
  title = g_strdup (face->title);

  pdf = _qa_pdf_document_new (title, QA_PDF_LANDSCAPE);
  _qa_pdf_add_chart (pdf, CERTIFICATE_HEIGHT, draw_certificate, face,
                     (GDestroyNotify)certificate_face_free);
  return _qa_pdf_write (pdf, path, flags, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_WRITE, error);
}

/* After the award ---------------------------------------------------------------------------- */

typedef struct
{
  const char *applicant_id;
  const char *date;
  const char *kind;        /* award_event kind, or NULL for none */
  const char *reason;
  const char *deadline;
  const char *new_status;  /* NULL: unchanged */
  const char *new_valid_until;
  const char *action;
  const char *before;
} AwardChange;

static gboolean
change_cb (QaDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  AwardChange *change = user_data;
  g_autofree char *now = _qa_now_iso ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  if (change->kind != NULL)
    {
      stmt = _qa_database_prepare (db,
                                   "INSERT INTO award_event (applicant_id, date, kind, reason, "
                                   "deadline, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, change->applicant_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, change->date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, change->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, change->reason, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, change->deadline, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, now, -1, SQLITE_TRANSIENT);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }
  if (change->new_status != NULL)
    {
      stmt = _qa_database_prepare (db, "UPDATE award SET status = ?2, status_reason = ?3, "
                                       "status_on = ?4 WHERE applicant_id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, change->applicant_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, change->new_status, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, change->reason, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, change->date, -1, SQLITE_TRANSIENT);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
      if (g_strcmp0 (change->new_status, "revoked") == 0)
        {
          stmt = _qa_database_prepare (db, "UPDATE applicant SET status = 'revoked' WHERE id = ?1",
                                       error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_text (stmt, 1, change->applicant_id, -1, SQLITE_TRANSIENT);
          if (!_qa_database_check (db, sqlite3_step (stmt), error))
            return FALSE;
        }
    }
  if (change->new_valid_until != NULL)
    {
      stmt = _qa_database_prepare (db, "UPDATE award SET valid_until = ?2 WHERE applicant_id = ?1",
                                   error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, change->applicant_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, change->new_valid_until, -1, SQLITE_TRANSIENT);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }
  after = g_strdup_printf ("on=%s; %s%s%s%s%s%s", change->date, change->kind != NULL ? change->kind : "",
                           change->new_status != NULL ? "; status=" : "",
                           change->new_status != NULL ? change->new_status : "",
                           change->deadline != NULL ? "; deadline=" : "",
                           change->deadline != NULL ? change->deadline : "",
                           change->reason != NULL ? "" : "");
  if (change->reason != NULL)
    {
      g_autofree char *with_reason = g_strdup_printf ("%s; reason=%s", after, change->reason);

      g_free (after);
      after = g_steal_pointer (&with_reason);
    }
  return _qa_audit_append (db, change->action, "applicant", change->applicant_id, change->before,
                           after, error);
}

/* The award of @applicant_id, checked: the secretariat acts, the date is a date not before the
 * approval, and the award is not revoked. */
static QaAward *
award_for_change (QaSession   *session,
                  const char  *applicant_id,
                  const char  *date,
                  const char  *what,
                  char       **iso,
                  GError     **error)
{
  g_autoptr(QaAward) award = NULL;
  GDate parsed;

  if (!_qa_outcome_require_secretariat (qa_session_get_database (session), what, error) ||
      !_qa_outcome_parse_date (date, "--date", &parsed, error))
    return NULL;
  *iso = _qa_outcome_format_date (&parsed);
  award = load_award (session, "applicant_id", applicant_id, *iso, error);
  if (award == NULL)
    return NULL;
  if (strcmp (*iso, award->approved_on) < 0)
    {
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
                   _("--date: %s is before the award was approved (%s)"), *iso, award->approved_on);
      return NULL;
    }
  if (award->status == QA_AWARD_REVOKED)
    {
      g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                   _("Art. 21: the title of %s was revoked on %s"), award->name, award->status_on);
      return NULL;
    }
  return g_steal_pointer (&award);
}

static gboolean
run_change (QaSession    *session,
            AwardChange  *change,
            GError       *local_error,
            GError      **error)
{
  g_autofree char *refused = g_strdup_printf ("%s.refused", change->action);

  if (local_error == NULL &&
      qa_database_transaction (qa_session_get_database (session), change_cb, change, &local_error))
    return qa_session_reload (session, error);
  return _qa_outcome_refuse (session, refused, "applicant", change->applicant_id, local_error, error);
}

gboolean
qa_award_record_accident (QaSession   *session,
                          const char  *applicant_id,
                          const char  *date,
                          const char  *description,
                          gboolean    *barred,
                          GError     **error)
{
  g_autoptr(QaAward) award = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *limit = NULL;
  AwardChange change = { applicant_id, NULL, "accident", description, NULL, NULL, NULL,
                         "award.accident", NULL };
  GError *local_error = NULL;
  GDate end;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  award = award_for_change (session, applicant_id, date, _("record an accident"), &iso, &local_error);
  if (award != NULL)
    _qa_outcome_require_text (description, "--description", _("Art. 21"), &local_error);
  if (local_error == NULL)
    {
      guint years = qa_profile_get_accident_publicity_years (qa_session_get_profile (session));

      _qa_date_parse (award->approved_on, &end);
      g_date_add_years (&end, years);
      limit = _qa_outcome_format_date (&end);
      /* Within N years of the award: before its N-th anniversary. */
      if (strcmp (iso, limit) < 0 && award->status != QA_AWARD_PUBLICITY_BARRED)
        change.new_status = "publicity_barred";
      change.before = qa_award_status_to_string (award->status);
    }
  change.date = iso;
  if (barred != NULL)
    *barred = change.new_status != NULL;
  return run_change (session, &change, local_error, error);
}

static gboolean
write_revocation_pdf (QaSession     *session,
                      QaAward       *award,
                      const char    *date,
                      const char    *reason,
                      const char    *path,
                      QaOutputFlags  flags,
                      GError       **error)
{
  QaProfile *profile = qa_session_get_profile (session);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *recovery = NULL;
  g_autofree char *letter_date = _qa_format_letter_date (date);
  g_autoptr(QaPdfDocument) pdf = NULL;

  heading = g_strdup_printf (_("Announcement of the revocation of the %s of %s"),
                             qa_profile_get_award_name (profile), award->name);
  pdf = _qa_pdf_document_new (heading, QA_PDF_PORTRAIT);
  _qa_pdf_add_title (pdf, heading, NULL);
  body = g_strdup_printf (_("%s was awarded the %s on %s (certificate No. %s). The review "
                            "committee found that it obtained the award by fraud or other "
                            "improper means: %s. Under Art. 21 the title is revoked."),
                          award->name, qa_profile_get_award_name (profile), award->approved_on,
                          award->certificate_number, reason);
  _qa_pdf_add_paragraph (pdf, body);
  recovery = g_strdup_printf (_("The certificate No. %s and the prize of %u yuan are recovered. "
                                "The title may no longer be used in any form."),
                              award->certificate_number, award->prize_yuan);
  _qa_pdf_add_paragraph (pdf, recovery);
  _qa_pdf_add_signature (pdf, qa_profile_get_authority (profile), letter_date);
  return _qa_pdf_write (pdf, path, flags, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_WRITE, error);
}

gboolean
qa_award_revoke (QaSession   *session,
                 const char  *applicant_id,
                 const char  *date,
                 const char  *reason,
                 const char  *announcement,
                 QaOutputFlags flags,
                 GError     **error)
{
  g_autoptr(QaAward) award = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *full_reason = NULL;
  AwardChange change = { applicant_id, NULL, "revoked", NULL, NULL, "revoked", NULL,
                         "award.revoke", NULL };
  GError *local_error = NULL;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  /* Where the announcement goes is checked first, so a refused target records nothing. */
  if (announcement != NULL && !_qa_output_check_destination (announcement, flags, error))
    return FALSE;
  award = award_for_change (session, applicant_id, date, _("revoke a title"), &iso, &local_error);
  if (award != NULL)
    _qa_outcome_require_text (reason, "--reason", _("Art. 21"), &local_error);
  if (local_error == NULL)
    {
      full_reason = g_strdup_printf (_("%s; certificate %s and prize of %u yuan recovered"),
                                     reason, award->certificate_number, award->prize_yuan);
      change.reason = full_reason;
      change.before = qa_award_status_to_string (award->status);
    }
  change.date = iso;
  if (!run_change (session, &change, local_error, error))
    return FALSE;
  return announcement == NULL ||
         write_revocation_pdf (session, award, iso, reason, announcement, flags, error);
}

gboolean
qa_review_outcome_from_string (const char      *str,
                               QaReviewOutcome *outcome)
{
  static const char * const names[] = { "kept", "rectification", "revoked" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *outcome = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
qa_award_review (QaSession       *session,
                 const char      *applicant_id,
                 const char      *date,
                 QaReviewOutcome  outcome,
                 const char      *deadline,
                 const char      *reason,
                 GError         **error)
{
  g_autoptr(QaAward) award = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *new_until = NULL;
  g_autofree char *deadline_iso = NULL;
  AwardChange change = { applicant_id, NULL, NULL, reason, NULL, NULL, NULL, "award.review", NULL };
  GError *local_error = NULL;
  QaProfile *profile = qa_session_get_profile (session);
  GDate from, parsed;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  award = award_for_change (session, applicant_id, date, _("record a re-evaluation"), &iso,
                            &local_error);
  if (award != NULL)
    _qa_outcome_require_text (reason, "--reason", _("Art. 7"), &local_error);
  if (local_error == NULL)
    {
      g_autofree char *earliest = NULL;

      /* The re-evaluation is at the end of validity: in its last year or after. */
      _qa_date_parse (award->valid_until, &from);
      g_date_subtract_years (&from, 1);
      earliest = _qa_outcome_format_date (&from);

      if (strcmp (iso, earliest) < 0)
        local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                                   _("Art. 7: the re-evaluation is at the end of the validity "
                                     "(until %s); not before %s"),
                                   award->valid_until, earliest);
    }
  if (local_error == NULL)
    {
      change.before = qa_award_status_to_string (award->status);
      switch (outcome)
        {
        case QA_REVIEW_KEPT:
          change.kind = "kept";
          change.new_status = award->status == QA_AWARD_PUBLICITY_BARRED ? NULL : "valid";
          _qa_date_parse (award->valid_until, &parsed);
          g_date_add_years (&parsed, qa_profile_get_validity_years (profile));
          new_until = _qa_outcome_format_date (&parsed);
          change.new_valid_until = new_until;
          break;

        case QA_REVIEW_RECTIFICATION:
          change.kind = "rectification";
          if (deadline == NULL || !_qa_date_parse (deadline, &parsed))
            local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
                                       _("Art. 7: a rectification needs --deadline YYYY-MM-DD"));
          else
            {
              deadline_iso = _qa_outcome_format_date (&parsed);
              if (strcmp (deadline_iso, iso) <= 0)
                local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
                                           _("--deadline: %s is not after the review (%s)"),
                                           deadline_iso, iso);
              change.deadline = deadline_iso;
            }
          break;

        case QA_REVIEW_REVOKED:
        default:
          change.kind = "revoked";
          change.new_status = "revoked";
          if (award->rectify_by == NULL)
            local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                                       _("Art. 7: a title is revoked at re-evaluation only after a "
                                         "failed rectification; order a rectification first"));
          else if (strcmp (iso, award->rectify_by) <= 0)
            local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_STAGE,
                                       _("Art. 7: the rectification runs until %s"),
                                       award->rectify_by);
          break;
        }
    }
  change.date = iso;
  return run_change (session, &change, local_error, error);
}

typedef struct
{
  const char *applicant_id;
  const char *date;
  const char *findings;
  const char *rectify_by;
} Inspection;

static gboolean
inspect_cb (QaDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  Inspection *inspection = user_data;
  g_autofree char *after = g_strdup_printf ("on=%s; findings=%s%s%s", inspection->date,
                                            inspection->findings,
                                            inspection->rectify_by != NULL ? "; rectify_by=" : "",
                                            inspection->rectify_by != NULL ? inspection->rectify_by : "");
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db, "INSERT INTO inspection (applicant_id, date, findings, rectify_by) "
                                   "VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, inspection->applicant_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, inspection->date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, inspection->findings, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, inspection->rectify_by, -1, SQLITE_TRANSIENT);
  return _qa_database_check (db, sqlite3_step (stmt), error) &&
         _qa_audit_append (db, "award.inspect", "applicant", inspection->applicant_id, NULL, after,
                           error);
}

gboolean
qa_award_inspect (QaSession   *session,
                  const char  *applicant_id,
                  const char  *date,
                  const char  *findings,
                  const char  *rectify_by,
                  GError     **error)
{
  g_autoptr(QaAward) award = NULL;
  g_autofree char *iso = NULL;
  Inspection inspection = { applicant_id, NULL, findings, rectify_by };
  GError *local_error = NULL;
  GDate parsed;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  award = award_for_change (session, applicant_id, date, _("record an inspection"), &iso,
                            &local_error);
  if (award != NULL)
    _qa_outcome_require_text (findings, "--findings", _("Art. 19"), &local_error);
  if (local_error == NULL && rectify_by != NULL && !_qa_date_parse (rectify_by, &parsed))
    local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
                               _("--rectify-by: “%s” is not a date written YYYY-MM-DD"), rectify_by);
  inspection.date = iso;
  if (local_error == NULL &&
      qa_database_transaction (qa_session_get_database (session), inspect_cb, &inspection,
                               &local_error))
    return TRUE;
  return _qa_outcome_refuse (session, "award.inspect.refused", "applicant", applicant_id,
                             local_error, error);
}

/* Yearly reports (Art. 18) ------------------------------------------------------------------- */

static const QaCsvColumn report_columns[] = {
  { "kind", TRUE },
  { "name", TRUE },
  { "value", TRUE },
  { "unit", FALSE },
  { "higher_better", FALSE },
};

typedef struct
{
  const char *applicant_id;
  guint       year;
  const char *received_on;
  QaCsvTable *table;
} Report;

static gboolean
parse_bool (const char *text,
            gboolean   *value)
{
  static const char * const yes[] = { "yes", "true", "1", "是" };
  static const char * const no[] = { "no", "false", "0", "否" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (text, yes[i]) == 0)
        return *value = TRUE, TRUE;
      if (g_ascii_strcasecmp (text, no[i]) == 0)
        return *value = FALSE, TRUE;
    }
  return FALSE;
}

static gboolean
check_report (QaCsvTable  *table,
              GError     **error)
{
  g_autoptr(GString) problems = g_string_new (NULL);

  for (guint r = 0; r < qa_csv_table_get_n_rows (table); r++)
    {
      const char *kind = qa_csv_table_get (table, r, "kind");
      const char *name = qa_csv_table_get (table, r, "name");
      const char *value = qa_csv_table_get (table, r, "value");
      const char *better = qa_csv_table_get (table, r, "higher_better");
      guint line = qa_csv_table_get_line (table, r);
      const char *file = qa_csv_table_get_name (table);
      char *end = NULL;
      gboolean flag;

      if (g_strcmp0 (kind, "business") != 0 && g_strcmp0 (kind, "quality") != 0 &&
          g_strcmp0 (kind, "spot_check") != 0)
        g_string_append_printf (problems, _("\n%s:%u: kind: “%s” is not business, quality or "
                                            "spot_check"), file, line, kind);
      if (name == NULL || *name == '\0')
        g_string_append_printf (problems, _("\n%s:%u: name: empty"), file, line);
      if (value == NULL || *value == '\0' ||
          (g_ascii_strtod (value, &end), end == NULL || *end != '\0') ||
          !isfinite (g_ascii_strtod (value, NULL)))
        g_string_append_printf (problems, _("\n%s:%u: value: “%s” is not a number"), file, line,
                                value != NULL ? value : "");
      if (better != NULL && *better != '\0' && !parse_bool (better, &flag))
        g_string_append_printf (problems, _("\n%s:%u: higher_better: “%s” is not yes or no"),
                                file, line, better);
      for (guint p = 0; p < r; p++)
        if (g_strcmp0 (qa_csv_table_get (table, p, "name"), name) == 0)
          g_string_append_printf (problems, _("\n%s:%u: name: “%s” is given twice"), file, line,
                                  name);
    }
  if (problems->len == 0)
    return TRUE;
  g_set_error (error, QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
               _("Art. 18: the yearly report was not stored:%s"), problems->str);
  return FALSE;
}

static gboolean
report_cb (QaDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  Report *report = user_data;
  g_autofree char *now = _qa_now_iso ();
  g_autofree char *after = NULL;
  sqlite3_stmt *stmt;

  stmt = _qa_database_prepare (db, "INSERT INTO annual_report (applicant_id, year, received_on, "
                                   "content) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, report->applicant_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int)report->year);
  sqlite3_bind_text (stmt, 3, report->received_on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, qa_csv_table_get_name (report->table), -1, SQLITE_TRANSIENT);
  if (!_qa_database_check (db, sqlite3_step (stmt), error))
    return FALSE;

  for (guint r = 0; r < qa_csv_table_get_n_rows (report->table); r++)
    {
      const char *better = qa_csv_table_get (report->table, r, "higher_better");
      gboolean higher = TRUE;

      if (better != NULL && *better != '\0')
        parse_bool (better, &higher);
      stmt = _qa_database_prepare (db, "INSERT INTO report_indicator (applicant_id, year, kind, "
                                       "name, value, unit, higher_better) "
                                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, report->applicant_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, (int)report->year);
      sqlite3_bind_text (stmt, 3, qa_csv_table_get (report->table, r, "kind"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, qa_csv_table_get (report->table, r, "name"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 5, g_ascii_strtod (qa_csv_table_get (report->table, r, "value"), NULL));
      sqlite3_bind_text (stmt, 6, qa_csv_table_get (report->table, r, "unit"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 7, higher);
      if (!_qa_database_check (db, sqlite3_step (stmt), error))
        return FALSE;
    }
  after = g_strdup_printf ("year=%u; received=%s; indicators=%u", report->year, report->received_on,
                           qa_csv_table_get_n_rows (report->table));
  return _qa_audit_append (db, "award.report", "applicant", report->applicant_id, NULL, after, error);
}

gboolean
qa_award_add_report (QaSession   *session,
                     const char  *applicant_id,
                     guint        year,
                     const char  *received_on,
                     GBytes      *csv,
                     const char  *name_for_errors,
                     GError     **error)
{
  g_autoptr(QaAward) award = NULL;
  g_autoptr(QaCsvTable) table = NULL;
  g_autofree char *iso = NULL;
  Report report = { applicant_id, year, NULL, NULL };
  GError *local_error = NULL;
  guint approved_year = 0;

  g_return_val_if_fail (QA_IS_SESSION (session), FALSE);

  award = award_for_change (session, applicant_id, received_on, _("record a yearly report"), &iso,
                            &local_error);
  if (award != NULL)
    {
      approved_year = (guint)g_ascii_strtoull (award->approved_on, NULL, 10);
      if (year < approved_year || year > approved_year + 100)
        local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
                                   _("Art. 18: --year %u is not a year since the award (%u)"),
                                   year, approved_year);
    }
  if (local_error == NULL)
    {
      table = qa_csv_table_parse (csv, name_for_errors, &local_error);
      if (table != NULL &&
          qa_csv_table_check_columns (table, report_columns, G_N_ELEMENTS (report_columns),
                                      &local_error))
        check_report (table, &local_error);
      if (local_error != NULL && local_error->domain != QA_OUTCOME_ERROR)
        {
          GError *wrapped = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID, "%s",
                                         local_error->message);

          g_error_free (local_error);
          local_error = wrapped;
        }
    }
  report.received_on = iso;
  report.table = table;
  if (local_error == NULL &&
      qa_database_transaction (qa_session_get_database (session), report_cb, &report, &local_error))
    return TRUE;
  if (g_error_matches (local_error, QA_DATABASE_ERROR, QA_DATABASE_ERROR_CONSTRAINT))
    {
      g_clear_error (&local_error);
      local_error = g_error_new (QA_OUTCOME_ERROR, QA_OUTCOME_ERROR_INVALID,
                                 _("Art. 18: %s's report for %u is already stored"),
                                 applicant_id, year);
    }
  return _qa_outcome_refuse (session, "award.report.refused", "applicant", applicant_id,
                             local_error, error);
}

void
qa_indicator_change_free (QaIndicatorChange *change)
{
  if (change == NULL)
    return;
  g_free (change->kind);
  g_free (change->name);
  g_free (change->unit);
  g_free (change);
}

GPtrArray *
qa_award_list_indicators (QaSession   *session,
                          const char  *applicant_id,
                          GError     **error)
{
  QaDatabase *db;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_indicator_change_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  db = qa_session_get_database (session);
  stmt = _qa_database_prepare (db,
                               "SELECT i.year, i.kind, i.name, i.value, i.unit, i.higher_better, "
                               "p.value FROM report_indicator i LEFT JOIN report_indicator p "
                               "ON p.applicant_id = i.applicant_id AND p.name = i.name "
                               "AND p.year = i.year - 1 WHERE i.applicant_id = ?1 "
                               "ORDER BY i.year, i.kind, i.name",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, applicant_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      QaIndicatorChange *c = g_new0 (QaIndicatorChange, 1);
      gboolean higher_better = sqlite3_column_int (stmt, 5) != 0;

      c->year = (guint)sqlite3_column_int (stmt, 0);
      c->kind = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      c->name = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      c->value = sqlite3_column_double (stmt, 3);
      c->unit = g_strdup ((const char *)sqlite3_column_text (stmt, 4));
      c->has_previous = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
      if (c->has_previous)
        {
          c->previous = sqlite3_column_double (stmt, 6);
          c->change_percent = c->previous != 0.0 ? (c->value - c->previous) / fabs (c->previous) * 100.0
                                                 : 0.0;
          c->worse = higher_better ? c->value < c->previous : c->value > c->previous;
        }
      g_ptr_array_add (list, c);
    }
  sqlite3_reset (stmt);
  if (!_qa_database_check (db, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}
