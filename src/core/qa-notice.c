/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-notice"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "qa-applicants.h"
#include "qa-notice.h"
#include "qa-output-private.h"
#include "qa-util-private.h"

#define A4_WIDTH  595.276
#define A4_HEIGHT 841.890
#define MARGIN    72.0

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

static char *
format_letter_date (const char *iso)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (iso == NULL || !_qa_date_parse (iso, &date))
    when = g_date_time_new_now_local ();
  else
    when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                  g_date_get_day (&date), 0, 0, 0);

  /* Translators: the date of an official letter; in Chinese “%Y年%-m月%-d日”. */
  return g_date_time_format (when, _("%-d %B %Y"));
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
  self->date = format_letter_date (date);

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

/* Lays out @text at @y across the text width; returns the y below it. */
static double
draw_block (cairo_t              *cr,
            PangoLayout          *layout,
            const char           *font,
            const char           *text,
            PangoAlignment        alignment,
            double                x,
            double                y,
            double                width,
            double                indent)
{
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);
  int text_height = 0;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_indent (layout, (int)(indent * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &text_height);
  return y + (double)text_height / PANGO_SCALE;
}

void
qa_notice_draw_page (QaNotice *self,
                     cairo_t  *cr,
                     double    width,
                     double    height)
{
  g_autoptr(PangoLayout) layout = NULL;
  double x = MARGIN, y = MARGIN, text_width;
  const char *body_font = "Noto Serif CJK SC, Noto Sans CJK SC, Serif 12";

  g_return_if_fail (QA_IS_NOTICE (self));
  g_return_if_fail (cr != NULL);

  text_width = width - 2 * MARGIN;
  layout = pango_cairo_create_layout (cr);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, 6 * PANGO_SCALE);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);

  y = draw_block (cr, layout, "Noto Serif CJK SC, Noto Sans CJK SC, Serif Bold 20", self->heading,
                  PANGO_ALIGN_CENTER, x, y, text_width, 0);
  y = draw_block (cr, layout, body_font, self->subheading, PANGO_ALIGN_CENTER, x, y + 6, text_width, 0);

  /* The red rule under the heading of an official letter. */
  cairo_set_source_rgb (cr, 0.75, 0.1, 0.1);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, x, y + 10);
  cairo_line_to (cr, x + text_width, y + 10);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  y += 28;

  y = draw_block (cr, layout, body_font, self->salutation, PANGO_ALIGN_LEFT, x, y, text_width, 0);
  for (guint i = 0; i < self->paragraphs->len; i++)
    y = draw_block (cr, layout, body_font, g_ptr_array_index (self->paragraphs, i),
                    PANGO_ALIGN_LEFT, x, y + 8, text_width, 24);
  for (guint i = 0; i < self->reasons->len; i++)
    {
      g_autofree char *numbered = g_strdup_printf ("%u. %s", i + 1,
                                                   (const char *)g_ptr_array_index (self->reasons, i));

      y = draw_block (cr, layout, body_font, numbered, PANGO_ALIGN_LEFT, x + 24, y + 6,
                      text_width - 24, 0);
    }
  y = draw_block (cr, layout, body_font, self->closing, PANGO_ALIGN_LEFT, x, y + 8, text_width, 24);

  y = MAX (y + 48, height - MARGIN - 120);
  y = draw_block (cr, layout, body_font, self->signature, PANGO_ALIGN_RIGHT, x, y, text_width, 0);
  draw_block (cr, layout, body_font, self->date, PANGO_ALIGN_RIGHT, x, y + 6, text_width, 0);

  cairo_restore (cr);
}

gboolean
qa_notice_write_pdf (QaNotice       *self,
                     const char     *path,
                     QaOutputFlags   flags,
                     GError        **error)
{
  g_autoptr(QaOutput) output = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (QA_IS_NOTICE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  output = qa_output_new (path, flags, error);
  if (output == NULL)
    return FALSE;
  surface = cairo_pdf_surface_create_for_stream (_qa_output_cairo_write, output, A4_WIDTH,
                                                 A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->heading);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "qareview " PACKAGE_VERSION);
  cr = cairo_create (surface);
  qa_notice_draw_page (self, cr, A4_WIDTH, A4_HEIGHT);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  /* A failed write is the output's to tell (it names the cause, e.g. a full disk). */
  if (status == CAIRO_STATUS_WRITE_ERROR)
    return qa_output_commit (output, error);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, QA_NOTICE_ERROR, QA_NOTICE_ERROR_WRITE,
                   _("The notice could not be written to “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return qa_output_commit (output, error);
}
