/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-applicants.h"
#include "qa-notice.h"
#include "qa-pdf-private.h"
#include "qa-util-private.h"

struct _QaNotice
{
  GObject    parent_instance;

  gboolean   accepted;
  char      *heading;
  char      *subheading;
  char      *salutation;
  GPtrArray *paragraphs;   /* the body, in order */
  GPtrArray *reasons;      /* numbered under the body when not accepted */
  char      *closing;
  char      *signature;
  char      *date;
};

G_DEFINE_FINAL_TYPE (QaNotice, qa_notice, G_TYPE_OBJECT)

G_DEFINE_QUARK (qa-notice-error-quark, qa_notice_error)

static void
qa_notice_finalize (GObject *object)
{
  QaNotice *self = (QaNotice *)object;

  g_clear_pointer (&self->heading, g_free);
  g_clear_pointer (&self->subheading, g_free);
  g_clear_pointer (&self->salutation, g_free);
  g_clear_pointer (&self->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&self->reasons, g_ptr_array_unref);
  g_clear_pointer (&self->closing, g_free);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (qa_notice_parent_class)->finalize (object);
}

static void
qa_notice_class_init (QaNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qa_notice_finalize;
}

static void
qa_notice_init (QaNotice *self)
{
  self->paragraphs = g_ptr_array_new_with_free_func (g_free);
  self->reasons = g_ptr_array_new_with_free_func (g_free);
}

QaNotice *
qa_notice_new (QaSession   *session,
               const char  *applicant_id,
               const char  *date,
               GError     **error)
{
  g_autoptr(QaNotice) self = NULL;
  g_autoptr(QaDossier) dossier = NULL;
  g_autoptr(QaEligibilityReport) report = NULL;
  g_autofree char *override = NULL;
  QaProfile *profile;
  const char *name, *award;
  gboolean eligible = FALSE;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dossier = qa_applicants_load_dossier (session, applicant_id, error);
  if (dossier == NULL)
    return NULL;
  report = qa_applicants_check_eligibility (session, applicant_id, &eligible, &override, error);
  if (report == NULL)
    return NULL;

  name = qa_dossier_get_text (dossier, QA_DOSSIER_NAME);
  if (!eligible && override == NULL && qa_eligibility_report_is_pending (report))
    {
      g_set_error (error, QA_NOTICE_ERROR, QA_NOTICE_ERROR_UNDECIDED,
                   _("The eligibility of %s is not decided yet: a condition of Art. 13 awaits the secretariat’s judgement"),
                   name);
      return NULL;
    }

  profile = qa_session_get_profile (session);
  award = qa_profile_get_award_name (profile);

  self = g_object_new (QA_TYPE_NOTICE, NULL);
  self->accepted = eligible;
  self->heading = g_strdup (_("Notice of the Result of the Eligibility Check"));
  /* Translators: the session's year and the award, as in “2026届甘州区人民政府质量奖”. */
  self->subheading = g_strdup_printf (_("%u · %s"), qa_session_get_year (session), award);
  /* Translators: the salutation of a letter to an organisation, e.g. “张掖祁连乳业有限公司：”. */
  self->salutation = g_strdup_printf (_("%s:"), name);

  g_ptr_array_add (self->paragraphs,
                   g_strdup_printf (_("The secretariat of the review committee has checked your application for the %u %s against the conditions of Article 13 of the award’s measures."),
                                    qa_session_get_year (session), award));

  if (eligible)
    {
      g_ptr_array_add (self->paragraphs,
                       g_strdup (_("Your organisation meets the conditions for application, and your application is accepted. The expert panel will now review your materials; the secretariat will inform you of the arrangements for the review.")));
    }
  else
    {
      g_ptr_array_add (self->paragraphs,
                       g_strdup (_("Your application is not accepted, for the following reasons:")));
      if (override != NULL)
        g_ptr_array_add (self->reasons, g_strdup (override));
      else
        {
          /* A judgement still pending is not a reason to refuse; the failed conditions are. */
          for (guint c = 0; c < G_N_ELEMENTS (report->conditions); c++)
            {
              const QaEligibilityCondition *condition = &report->conditions[c];

              if (condition->result != QA_CONDITION_FAIL)
                continue;
              for (guint i = 0; i < condition->reasons->len; i++)
                g_ptr_array_add (self->reasons, g_strdup (g_ptr_array_index (condition->reasons, i)));
            }
        }
    }

  self->closing = g_strdup (_("If you have any question about this decision, please contact the secretariat of the review committee."));
  /* Translators: who signs the notice, e.g. “甘州区人民政府质量奖评审委员会秘书处”. */
  self->signature = g_strdup_printf (_("Secretariat of the Review Committee of the %s"), award);
  self->date = _qa_format_letter_date (date);

  return g_steal_pointer (&self);
}

gboolean
qa_notice_is_accepted (QaNotice *self)
{
  g_return_val_if_fail (QA_IS_NOTICE (self), FALSE);
  return self->accepted;
}

char *
qa_notice_dup_text (QaNotice *self)
{
  GString *text;

  g_return_val_if_fail (QA_IS_NOTICE (self), NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text, "%s\n%s\n\n%s\n", self->heading, self->subheading, self->salutation);
  for (guint i = 0; i < self->paragraphs->len; i++)
    g_string_append_printf (text, "%s\n", (const char *)g_ptr_array_index (self->paragraphs, i));
  for (guint i = 0; i < self->reasons->len; i++)
    g_string_append_printf (text, "%u. %s\n", i + 1, (const char *)g_ptr_array_index (self->reasons, i));
  g_string_append_printf (text, "%s\n\n%s\n%s\n", self->closing, self->signature, self->date);
  return g_string_free (text, FALSE);
}

/* The letter as a document of the one layout engine (qa-pdf). */
static QaPdfDocument *
build_document (QaNotice *self)
{
  QaPdfDocument *doc = _qa_pdf_document_new (self->heading, QA_PDF_PORTRAIT);

  _qa_pdf_add_title (doc, self->heading, self->subheading);
  _qa_pdf_add_text (doc, self->salutation);
  for (guint i = 0; i < self->paragraphs->len; i++)
    _qa_pdf_add_paragraph (doc, g_ptr_array_index (self->paragraphs, i));
  for (guint i = 0; i < self->reasons->len; i++)
    {
      g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1,
                                                   (const char *)g_ptr_array_index (self->reasons, i));

      _qa_pdf_add_text (doc, numbered);
    }
  _qa_pdf_add_paragraph (doc, self->closing);
  _qa_pdf_add_signature (doc, self->signature, self->date);
  return doc;
}

void
qa_notice_draw_page (QaNotice *self,
                     cairo_t  *cr,
                     double    width,
                     double    height)
{
  g_autoptr(QaPdfDocument) doc = NULL;

  g_return_if_fail (QA_IS_NOTICE (self));
  g_return_if_fail (cr != NULL);

  doc = build_document (self);
  _qa_pdf_draw_page (doc, cr, 0, width, height);
}

gboolean
qa_notice_write_pdf (QaNotice    *self,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(QaPdfDocument) doc = NULL;

  g_return_val_if_fail (QA_IS_NOTICE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  doc = build_document (self);
  return _qa_pdf_write (doc, path, QA_NOTICE_ERROR, QA_NOTICE_ERROR_WRITE, error);
}
