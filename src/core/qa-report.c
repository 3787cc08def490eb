/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qa-applicant.h"
#include "qa-consensus.h"
#include "qa-csv.h"
#include "qa-experts.h"
#include "qa-pdf-private.h"
#include "qa-report.h"
#include "qa-session-private.h"
#include "qa-util-private.h"

struct _QaReport
{
  GObject        parent_instance;
  QaPdfDocument *doc;
  char          *title;
};

G_DEFINE_FINAL_TYPE (QaReport, qa_report, G_TYPE_OBJECT)

G_DEFINE_QUARK (qa-report-error-quark, qa_report_error)

static void
qa_report_finalize (GObject *object)
{
  QaReport *self = (QaReport *)object;

  g_clear_pointer (&self->doc, _qa_pdf_document_free);
  g_clear_pointer (&self->title, g_free);
  G_OBJECT_CLASS (qa_report_parent_class)->finalize (object);
}

static void
qa_report_class_init (QaReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qa_report_finalize;
}

static void
qa_report_init (QaReport *self)
{
}

static QaReport *
report_new (const char       *title,
            QaPdfOrientation  orientation)
{
  QaReport *self = g_object_new (QA_TYPE_REPORT, NULL);

  self->title = g_strdup (title);
  self->doc = _qa_pdf_document_new (title, orientation);
  return self;
}

const char *
qa_report_get_title (QaReport *self)
{
  g_return_val_if_fail (QA_IS_REPORT (self), NULL);
  return self->title;
}

guint
qa_report_get_n_pages (QaReport *self)
{
  g_return_val_if_fail (QA_IS_REPORT (self), 0);
  return _qa_pdf_count_pages (self->doc);
}

void
qa_report_draw_page (QaReport *self,
                     cairo_t  *cr,
                     guint     page,
                     double    width,
                     double    height)
{
  g_return_if_fail (QA_IS_REPORT (self));
  g_return_if_fail (cr != NULL);
  _qa_pdf_draw_page (self->doc, cr, page, width, height);
}

gboolean
qa_report_write_pdf (QaReport      *self,
                     const char    *path,
                     QaOutputFlags  flags,
                     GError       **error)
{
  g_return_val_if_fail (QA_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  return _qa_pdf_write (self->doc, path, flags, QA_REPORT_ERROR, QA_REPORT_ERROR_WRITE, error);
}

/* Shared pieces ------------------------------------------------------------------------------ */

static char *
dup_applicant_name (QaSession  *session,
                    const char *applicant_id)
{
  GListModel *applicants = qa_session_get_applicants (session);

  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      if (g_strcmp0 (qa_applicant_get_id (applicant), applicant_id) == 0)
        return g_strdup (qa_applicant_get_name (applicant));
    }
  return NULL;
}

static gboolean
require_applicant (QaSession   *session,
                   const char  *applicant_id,
                   char       **name,
                   GError     **error)
{
  *name = dup_applicant_name (session, applicant_id);
  if (*name != NULL)
    return TRUE;
  g_set_error (error, QA_REPORT_ERROR, QA_REPORT_ERROR_NOT_READY,
               _("There is no applicant “%s” in this session"), applicant_id);
  return FALSE;
}

static const QaConsensusTotal *
find_total (GPtrArray  *totals,
            const char *applicant_id)
{
  for (guint i = 0; i < totals->len; i++)
    {
      const QaConsensusTotal *total = g_ptr_array_index (totals, i);

      if (strcmp (total->applicant_id, applicant_id) == 0)
        return total;
    }
  return NULL;
}

/* Whether @applicant_id is among the applicants of @stage. */
static gboolean
in_stage (QaSession  *session,
          QaStage     stage,
          const char *applicant_id)
{
  g_autoptr(GPtrArray) items = qa_consensus_compute (session, stage, applicant_id, NULL);

  return items != NULL && items->len > 0;
}

/* Points out of the criteria's total, as a percentage, in the criteria's band (e.g. “50%–65%”). */
static char *
dup_band (QaSession *session,
          gint64     total_x100)
{
  QaCriteria *criteria = qa_session_get_criteria (session);
  guint percent = (guint)(total_x100 / qa_criteria_get_total_points (criteria));
  const QaBand *band = qa_criteria_get_band (criteria, QA_ITEM_KIND_PROCESS, MIN (percent, 100));

  /* Translators: a scoring band, e.g. “50%–65%”. */
  return g_strdup_printf (_("%u%%–%u%%"), band->min_percent, band->max_percent);
}

/* Per category, the consensus strengths and improvements as bullets, no names. */
static gboolean
add_category_texts (QaReport    *report,
                    QaSession   *session,
                    QaStage      stage,
                    const char  *applicant_id,
                    GPtrArray   *category_totals,
                    GError     **error)
{
  GListModel *categories = qa_criteria_get_categories (qa_session_get_criteria (session));

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(QaCategory) category = g_list_model_get_item (categories, c);
      const QaConsensusCategoryTotal *total = g_ptr_array_index (category_totals, c);
      g_autofree char *strengths = NULL;
      g_autofree char *improvements = NULL;
      g_autofree char *heading = NULL;
      g_autofree char *points = qa_consensus_format_points (total->total_x100);

      if (!qa_consensus_dup_category_texts (session, stage, applicant_id,
                                            qa_category_get_code (category), &strengths,
                                            &improvements, error))
        return FALSE;

      /* Translators: a category with its consensus points, e.g. “4.1 领导（62.50 / 110 分）”. */
      heading = g_strdup_printf (_("%s %s (%s of %u points)"), qa_category_get_code (category),
                                 qa_category_get_name (category), points,
                                 qa_category_get_points (category));
      _qa_pdf_add_heading (report->doc, heading);
      _qa_pdf_add_text (report->doc, _("Strengths:"));
      if (strengths != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (strengths, "\n", -1);

          for (guint i = 0; lines[i] != NULL; i++)
            _qa_pdf_add_bullet (report->doc, lines[i]);
        }
      else
        _qa_pdf_add_bullet (report->doc, _("None recorded."));
      _qa_pdf_add_text (report->doc, _("Opportunities for improvement:"));
      if (improvements != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (improvements, "\n", -1);

          for (guint i = 0; lines[i] != NULL; i++)
            _qa_pdf_add_bullet (report->doc, lines[i]);
        }
      else
        _qa_pdf_add_bullet (report->doc, _("None recorded."));
    }
  return TRUE;
}

/* Feedback ----------------------------------------------------------------------------------- */

static char *
dup_outcome (QaSession  *session,
             QaStage     stage,
             const char *applicant_id,
             gint64      total_x100)
{
  QaProfile *profile = qa_session_get_profile (session);

  if (stage == QA_STAGE_MATERIAL)
    {
      if (in_stage (session, QA_STAGE_SITE, applicant_id))
        return g_strdup (_("Your organisation has passed the material review and goes on to site review."));
      if (total_x100 < (gint64)(qa_profile_get_site_threshold (profile) * 100 + 0.5))
        return g_strdup_printf (_("Your organisation’s material review result is below the %g points needed for site review (Art. 16(3)), so it does not go on to site review in this session."),
                                qa_profile_get_site_threshold (profile));
      return g_strdup (_("The panel did not send your organisation on to site review in this session (Art. 16(3))."));
    }
  return g_strdup (_("Your organisation has completed the site review; the review committee will take the result into the comprehensive evaluation (Art. 16(5))."));
}

QaReport *
qa_report_new_feedback (QaSession   *session,
                        const char  *applicant_id,
                        QaStage      stage,
                        const char  *date,
                        GError     **error)
{
  g_autoptr(QaReport) self = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *salutation = NULL;
  g_autofree char *text = NULL;
  g_autofree char *points = NULL;
  g_autofree char *band = NULL;
  g_autofree char *outcome = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *when = NULL;
  const QaConsensusTotal *total;
  QaProfile *profile;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);
  g_return_val_if_fail (_qa_stage_is_review (stage), NULL);

  if (!require_applicant (session, applicant_id, &name, error))
    return NULL;
  if (!qa_session_stage_is_closed (session, stage))
    {
      g_set_error (error, QA_REPORT_ERROR, QA_REPORT_ERROR_NOT_READY,
                   _("Art. 16(3): the %s is not closed yet; the feedback is written from the closed stage’s consensus"),
                   qa_stage_get_title (stage));
      return NULL;
    }
  if (!in_stage (session, stage, applicant_id))
    {
      g_set_error (error, QA_REPORT_ERROR, QA_REPORT_ERROR_NOT_READY,
                   _("Applicant %s was not in the %s"), applicant_id, qa_stage_get_title (stage));
      return NULL;
    }

  totals = qa_consensus_totals (session, stage, error);
  if (totals == NULL)
    return NULL;
  categories = qa_consensus_category_totals (session, stage, applicant_id, error);
  if (categories == NULL)
    return NULL;
  total = find_total (totals, applicant_id);

  profile = qa_session_get_profile (session);
  self = report_new (_("Written Feedback on the Review"), QA_PDF_PORTRAIT);
  subtitle = g_strdup_printf (_("%u · %s"), qa_session_get_year (session),
                              qa_profile_get_award_name (profile));
  _qa_pdf_add_title (self->doc, self->title, subtitle);
  salutation = g_strdup_printf (_("%s:"), name);
  _qa_pdf_add_text (self->doc, salutation);

  text = g_strdup_printf (_("The expert panel has completed the %s of your application for the %u %s. As Article 16(3) of the award’s measures provides, this letter gives you the result and the panel’s consensus findings."),
                          qa_stage_get_title (stage), qa_session_get_year (session),
                          qa_profile_get_award_name (profile));
  _qa_pdf_add_paragraph (self->doc, text);

  outcome = dup_outcome (session, stage, applicant_id, total != NULL ? total->total_x100 : 0);
  _qa_pdf_add_paragraph (self->doc, outcome);
  points = qa_consensus_format_points (total != NULL ? total->total_x100 : 0);
  band = dup_band (session, total != NULL ? total->total_x100 : 0);
  g_free (text);
  text = g_strdup_printf (_("Total of the panel’s consensus: %s points of %u (band %s)."), points,
                          qa_criteria_get_total_points (qa_session_get_criteria (session)), band);
  _qa_pdf_add_paragraph (self->doc, text);
  _qa_pdf_add_paragraph (self->doc, _("The panel’s findings by category of GB/T 19580 follow."));

  if (!add_category_texts (self, session, stage, applicant_id, categories, error))
    return NULL;

  _qa_pdf_add_paragraph (self->doc, _("If you have any question about this feedback, please contact the secretariat of the review committee."));
  signature = g_strdup (qa_profile_get_authority (profile));
  when = _qa_format_letter_date (date);
  _qa_pdf_add_signature (self->doc, signature, when);
  return g_steal_pointer (&self);
}

/* Site-review opinion ------------------------------------------------------------------------ */

static void
add_points (QaReport   *report,
            QaSession  *session,
            GPtrArray  *points)
{
  QaCriteria *criteria = qa_session_get_criteria (session);
  GListModel *categories = qa_criteria_get_categories (criteria);

  for (guint i = 0; i < points->len; i++)
    {
      const QaConsensusSentence *point = g_ptr_array_index (points, i);
      const char *category_name = point->item;
      g_autofree char *line = NULL;

      for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
        {
          g_autoptr(QaCategory) category = g_list_model_get_item (categories, c);

          if (g_strcmp0 (qa_category_get_code (category), point->item) == 0)
            category_name = qa_category_get_name (category);
        }
      line = g_strdup_printf ("%s %s: %s", point->item, category_name, point->text);
      _qa_pdf_add_bullet (report->doc, line);
    }
}

QaReport *
qa_report_new_site_opinion (QaSession   *session,
                            const char  *applicant_id,
                            const char  *date,
                            GError     **error)
{
  g_autoptr(QaReport) self = NULL;
  g_autoptr(GPtrArray) strengths = NULL;
  g_autoptr(GPtrArray) improvements = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *opinion = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *line = NULL;
  g_autofree char *signature = NULL;
  g_autofree char *when = NULL;
  QaProfile *profile;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);

  if (!require_applicant (session, applicant_id, &name, error))
    return NULL;
  opinion = qa_consensus_dup_site_opinion (session, applicant_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (opinion == NULL)
    {
      g_set_error (error, QA_REPORT_ERROR, QA_REPORT_ERROR_NOT_READY,
                   _("Art. 16(4): no site-review opinion of %s has been recorded yet (site-opinion set)"),
                   applicant_id);
      return NULL;
    }
  if (!qa_consensus_list_verification_points (session, applicant_id, &strengths, &improvements, error))
    return NULL;

  profile = qa_session_get_profile (session);
  self = report_new (_("Site Review Opinion"), QA_PDF_PORTRAIT);
  subtitle = g_strdup_printf (_("%u · %s"), qa_session_get_year (session),
                              qa_profile_get_award_name (profile));
  _qa_pdf_add_title (self->doc, self->title, subtitle);
  /* Translators: “申报组织：A01 张掖祁连乳业有限公司”. */
  line = g_strdup_printf (_("Applicant: %s %s"), applicant_id, name);
  _qa_pdf_add_text (self->doc, line);

  _qa_pdf_add_heading (self->doc, _("Opinion of the site review panel"));
  {
    g_auto(GStrv) paragraphs = g_strsplit (opinion, "\n", -1);

    for (guint i = 0; paragraphs[i] != NULL; i++)
      if (*g_strstrip (paragraphs[i]) != '\0')
        _qa_pdf_add_paragraph (self->doc, paragraphs[i]);
  }

  _qa_pdf_add_heading (self->doc, _("Points verified on site: strengths found at material review"));
  add_points (self, session, strengths);
  _qa_pdf_add_heading (self->doc, _("Points verified on site: opportunities for improvement found at material review"));
  add_points (self, session, improvements);

  /* Translators: who signs the opinion, e.g. “甘州区人民政府质量奖现场评审组”. */
  signature = g_strdup_printf (_("Site Review Panel of the %s"), qa_profile_get_award_name (profile));
  when = _qa_format_letter_date (date);
  _qa_pdf_add_signature (self->doc, signature, when);
  return g_steal_pointer (&self);
}

/* The consensus report ----------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *items;       /* QaConsensusItem of one applicant, owned */
  char     **labels;
  double    *percents;
  guint      n;
  double    *outlines;    /* n_outlines × n: each reviewer's own percentages */
  guint      n_outlines;
} ChartData;

static void
chart_data_free (ChartData *data)
{
  g_ptr_array_unref (data->items);
  g_strfreev (data->labels);
  g_free (data->percents);
  g_free (data->outlines);
  g_free (data);
}

static void
draw_charts (cairo_t  *cr,
             double    x,
             double    y,
             double    width,
             double    height,
             gpointer  user_data)
{
  ChartData *data = user_data;
  double radar_width = MIN (height + 40, width * 0.4);

  qa_consensus_draw_radar (cr, x, y, radar_width, height, (const char * const *)data->labels,
                           data->percents, data->n, data->outlines, data->n_outlines);
  qa_consensus_draw_spread_bars (cr, x + radar_width + 12, y, width - radar_width - 12, height,
                                 data->items);
}

static char *
format_percent (int percent)
{
  return percent >= 0 ? g_strdup_printf ("%d", percent) : g_strdup ("");
}

static QaConsensusItem *
copy_item (const QaConsensusItem *item)
{
  QaConsensusItem *copy = g_memdup2 (item, sizeof *item);

  copy->applicant_id = g_strdup (item->applicant_id);
  copy->item = g_strdup (item->item);
  copy->category = g_strdup (item->category);
  copy->strengths = g_strdup (item->strengths);
  copy->improvements = g_strdup (item->improvements);
  copy->rationale = g_strdup (item->rationale);
  return copy;
}

static void
add_applicant_section (QaReport   *report,
                       QaSession  *session,
                       const char *applicant_id,
                       const char *name,
                       GPtrArray  *all,
                       guint      *index,
                       GPtrArray  *category_totals,
                       GPtrArray  *outlines)
{
  static const double widths[] = { 0.07, 0.05, 0.06, 0.06, 0.05, 0.05, 0.05, 0.06, 0.07, 0.07, 0.07, 0.34 };
  const char *header[] = { _("Item"), _("Scorers"), _("Mean"), _("Median"), _("Min"), _("Max"),
                           _("Spread"), _("Flagged"), _("Default"), _("Consensus"), _("Points"),
                           _("Rationale") };
  ChartData *data = g_new0 (ChartData, 1);
  g_autofree char *heading = NULL;
  g_autofree char *shown = NULL;
  gint64 total = 0;

  /* The chart is drawn when the document is laid out: it keeps its own copies. */
  data->items = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_consensus_item_free);
  while (*index < all->len)
    {
      QaConsensusItem *item = g_ptr_array_index (all, *index);

      if (strcmp (item->applicant_id, applicant_id) != 0)
        break;
      g_ptr_array_add (data->items, copy_item (item));
      total += item->points_x100;
      (*index)++;
    }

  data->n = category_totals->len;
  data->labels = g_new0 (char *, data->n + 1);
  data->percents = g_new0 (double, data->n);
  for (guint c = 0; c < data->n; c++)
    {
      const QaConsensusCategoryTotal *ct = g_ptr_array_index (category_totals, c);

      data->labels[c] = g_strdup (ct->category);
      data->percents[c] = ct->points > 0 ? (double)ct->total_x100 / ct->points : 0;
    }
  data->n_outlines = outlines->len;
  data->outlines = g_new0 (double, (gsize)data->n * MAX (outlines->len, 1));
  for (guint r = 0; r < outlines->len; r++)
    {
      const QaConsensusOutline *outline = g_ptr_array_index (outlines, r);

      for (guint c = 0; c < MIN (outline->n, data->n); c++)
        data->outlines[r * data->n + c] = MAX (outline->percents[c], 0);
    }

  shown = qa_consensus_format_points (total);
  /* Translators: “A01 张掖祁连乳业有限公司 — 523.45 分”. */
  heading = g_strdup_printf (_("%s %s — %s points"), applicant_id, name != NULL ? name : "", shown);
  _qa_pdf_add_page_break (report->doc);
  _qa_pdf_add_heading (report->doc, heading);
  _qa_pdf_add_chart (report->doc, 230, draw_charts, data, (GDestroyNotify)chart_data_free);
  _qa_pdf_add_row (report->doc, header, widths, G_N_ELEMENTS (widths), TRUE);
  for (guint i = 0; i < data->items->len; i++)
    {
      const QaConsensusItem *item = g_ptr_array_index (data->items, i);
      g_autofree char *scorers = g_strdup_printf ("%u", item->scorers);
      g_autofree char *mean = item->scorers > 0 ? qa_consensus_format_tenths (item->mean_x10) : g_strdup ("");
      g_autofree char *median = item->scorers > 0 ? qa_consensus_format_tenths (item->median_x10) : g_strdup ("");
      g_autofree char *min = item->scorers > 0 ? g_strdup_printf ("%d", item->min) : g_strdup ("");
      g_autofree char *max = item->scorers > 0 ? g_strdup_printf ("%d", item->max) : g_strdup ("");
      g_autofree char *spread = item->scorers > 0 ? g_strdup_printf ("%d", item->spread) : g_strdup ("");
      g_autofree char *def = format_percent (item->default_percent);
      g_autofree char *percent = format_percent (item->percent);
      g_autofree char *points = item->percent >= 0 ? qa_consensus_format_points (item->points_x100) : g_strdup ("");
      const char *cells[] = { item->item, scorers, mean, median, min, max, spread,
                              item->flagged ? _("yes") : "", def, percent, points,
                              item->rationale != NULL ? item->rationale : "" };

      _qa_pdf_add_row (report->doc, cells, widths, G_N_ELEMENTS (widths), FALSE);
    }
}

QaReport *
qa_report_new_consensus (QaSession   *session,
                         QaStage      stage,
                         GError     **error)
{
  static const double total_widths[] = { 0.1, 0.4, 0.1, 0.12, 0.12, 0.16 };
  static const double reviewer_widths[] = { 0.1, 0.3, 0.12, 0.12, 0.12, 0.12, 0.12 };
  g_autoptr(QaReport) self = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  g_autoptr(GPtrArray) reviewers = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *closed_at = NULL;
  double w = -1;
  guint w_applicants = 0, index = 0;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);
  g_return_val_if_fail (_qa_stage_is_review (stage), NULL);

  items = qa_consensus_compute (session, stage, NULL, error);
  if (items == NULL)
    return NULL;
  totals = qa_consensus_totals_from_items (session, stage, items, error);
  if (totals == NULL)
    return NULL;
  reviewers = qa_consensus_reviewers (session, stage, &w, &w_applicants, error);
  if (reviewers == NULL)
    return NULL;

  /* Translators: “资料评审 共识报告”. */
  title = g_strdup_printf (_("Consensus Report: %s"), qa_stage_get_title (stage));
  self = report_new (title, QA_PDF_LANDSCAPE);
  closed_at = qa_session_dup_stage_closed_at (session, stage);
  if (closed_at != NULL)
    /* Translators: “2026 · 甘州区人民政府质量奖 — closed at …”. */
    subtitle = g_strdup_printf (_("%u · %s — closed at %s"), qa_session_get_year (session),
                                qa_profile_get_award_name (qa_session_get_profile (session)), closed_at);
  else
    subtitle = g_strdup_printf (_("%u · %s — open"), qa_session_get_year (session),
                                qa_profile_get_award_name (qa_session_get_profile (session)));
  _qa_pdf_add_title (self->doc, title, subtitle);

  {
    const char *header[] = { _("Applicant"), _("Name"), _("Scorers"), _("Items agreed"),
                             _("Flagged items"), _("Total") };

    _qa_pdf_add_row (self->doc, header, total_widths, G_N_ELEMENTS (total_widths), TRUE);
  }
  for (guint i = 0; i < totals->len; i++)
    {
      const QaConsensusTotal *total = g_ptr_array_index (totals, i);
      g_autofree char *name = dup_applicant_name (session, total->applicant_id);
      g_autofree char *scorers = g_strdup_printf ("%u", total->scorers);
      g_autofree char *agreed = g_strdup_printf ("%u", total->items_agreed);
      g_autofree char *flagged = g_strdup_printf ("%u", total->flagged_items);
      g_autofree char *points = qa_consensus_format_points (total->total_x100);
      const char *cells[] = { total->applicant_id, name != NULL ? name : "", scorers, agreed,
                              flagged, points };

      _qa_pdf_add_row (self->doc, cells, total_widths, G_N_ELEMENTS (total_widths), FALSE);
    }

  for (guint i = 0; i < totals->len; i++)
    {
      const QaConsensusTotal *total = g_ptr_array_index (totals, i);
      g_autofree char *name = dup_applicant_name (session, total->applicant_id);
      g_autoptr(GPtrArray) categories = qa_consensus_category_totals (session, stage,
                                                                      total->applicant_id, error);
      g_autoptr(GPtrArray) outlines = NULL;

      if (categories == NULL)
        return NULL;
      outlines = qa_consensus_outlines (session, stage, total->applicant_id, error);
      if (outlines == NULL)
        return NULL;
      add_applicant_section (self, session, total->applicant_id, name, items, &index, categories,
                             outlines);
    }

  _qa_pdf_add_page_break (self->doc);
  _qa_pdf_add_heading (self->doc, _("The reviewers against the consensus"));
  {
    const char *header[] = { _("Reviewer"), _("Name"), _("Applicants"), _("Scores"),
                             _("Leniency"), _("Dropped high"), _("Dropped low") };

    _qa_pdf_add_row (self->doc, header, reviewer_widths, G_N_ELEMENTS (reviewer_widths), TRUE);
  }
  for (guint i = 0; i < reviewers->len; i++)
    {
      const QaConsensusReviewer *reviewer = g_ptr_array_index (reviewers, i);
      g_autofree char *name = qa_experts_dup_name (session, reviewer->reviewer_id);
      g_autofree char *applicants = g_strdup_printf ("%u", reviewer->applicants);
      g_autofree char *scores = g_strdup_printf ("%u", reviewer->scores);
      g_autofree char *leniency = g_strdup_printf ("%+.1f", reviewer->leniency);
      g_autofree char *high = g_strdup_printf ("%u", reviewer->dropped_high);
      g_autofree char *low = g_strdup_printf ("%u", reviewer->dropped_low);
      const char *cells[] = { reviewer->reviewer_id, name != NULL ? name : "", applicants, scores,
                              leniency, high, low };

      _qa_pdf_add_row (self->doc, cells, reviewer_widths, G_N_ELEMENTS (reviewer_widths), FALSE);
    }
  {
    g_autofree char *line = NULL;

    if (w >= 0)
      line = g_strdup_printf (_("The panel’s agreement (Kendall’s W over the totals of %u applicants every reviewer scored): %.3f"),
                              w_applicants, w);
    else
      line = g_strdup (_("The panel’s agreement (Kendall’s W) needs two reviewers who scored the same two applicants or more."));
    _qa_pdf_add_paragraph (self->doc, line);
    _qa_pdf_add_text (self->doc, _("Leniency is the mean of a reviewer’s percentage less the consensus, over the items they scored; the raw scores are never adjusted."));
  }
  return g_steal_pointer (&self);
}

/* CSV ---------------------------------------------------------------------------------------- */

/* VALUE / 10^DECIMALS written with exactly DECIMALS digits after the point (none when 0) into
 * BUF (at least 24 bytes): what qa_consensus_format_tenths() and qa_consensus_format_points()
 * write, without a printf and an allocation per field. */
static void
format_decimal (char   *buf,
                gint64  value,
                guint   decimals)
{
  char digits[24];
  guint64 magnitude = value < 0 ? (guint64)0 - (guint64)value : (guint64)value;
  guint n = 0;
  char *p = buf;

  do
    {
      digits[n++] = (char)('0' + magnitude % 10);
      magnitude /= 10;
    }
  while (magnitude > 0 || n <= decimals);
  if (value < 0)
    *p++ = '-';
  while (n > 0)
    {
      if (decimals > 0 && n == decimals)
        *p++ = '.';
      *p++ = digits[--n];
    }
  *p = '\0';
}

void
qa_consensus_append_csv (GString   *out,
                         GPtrArray *items,
                         gboolean   detailed)
{
  g_return_if_fail (out != NULL && items != NULL);

  if (detailed)
    qa_csv_append_rowv (out, "applicant_id", "item", "scorers", "mean", "median", "min", "max",
                        "spread", "flagged", "consensus_percent", "points", "default_percent",
                        "recorded", "rationale", NULL);
  else
    qa_csv_append_rowv (out, "applicant_id", "item", "scorers", "mean", "median", "min", "max",
                        "spread", "flagged", "consensus_percent", "points", NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const QaConsensusItem *item = g_ptr_array_index (items, i);
      gboolean scored = item->scorers > 0;
      char scorers[24], mean[24], median[24], min[24], max[24], spread[24], percent[24];
      char points[32], def[24];
      const char *fields[] = { item->applicant_id, item->item, scorers,
                               scored ? mean : "", scored ? median : "", scored ? min : "",
                               scored ? max : "", scored ? spread : "",
                               scored ? (item->flagged ? "yes" : "no") : "",
                               item->percent >= 0 ? percent : "",
                               item->percent >= 0 ? points : "",
                               item->default_percent >= 0 ? def : "",
                               item->stale ? "stale" : item->recorded ? "yes" : "no",
                               item->rationale != NULL ? item->rationale : "" };

      /* Written into the stack, not allocated: 4,600 rows at the province scale, 11 fields each. */
      format_decimal (scorers, item->scorers, 0);
      if (scored)
        {
          format_decimal (mean, item->mean_x10, 1);
          format_decimal (median, item->median_x10, 1);
          format_decimal (min, item->min, 0);
          format_decimal (max, item->max, 0);
          format_decimal (spread, item->spread, 0);
        }
      if (item->percent >= 0)
        {
          format_decimal (percent, item->percent, 0);
          format_decimal (points, item->points_x100, 2);
        }
      if (item->default_percent >= 0)
        format_decimal (def, item->default_percent, 0);
      qa_csv_append_row (out, fields, detailed ? G_N_ELEMENTS (fields) : 11);
    }
}
