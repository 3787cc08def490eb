/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-rules"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qa-rules.h"
#include "qa-util-private.h"

static const char * const article_13[] = {
  N_("Art. 13(1)"),
  N_("Art. 13(2)"),
  N_("Art. 13(3)"),
  N_("Art. 13(4)"),
  N_("Art. 13(5)"),
};

char *
qa_rules_format_article_13 (guint condition)
{
  g_return_val_if_fail (condition >= 1 && condition <= 5, NULL);

  return g_strdup (_(article_13[condition - 1]));
}

static void
add_reason (QaEligibilityCondition *condition,
            QaConditionResult       result,
            const char             *format,
            ...) G_GNUC_PRINTF (3, 4);

static void
add_reason (QaEligibilityCondition *condition,
            QaConditionResult       result,
            const char             *format,
            ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: an article of the regulation and what failed under it, e.g.
   * “Art. 13(1): not an independent legal person”. */
  g_ptr_array_add (condition->reasons,
                   g_strdup_printf (_("%s: %s"), _(article_13[condition->condition - 1]), what));

  /* A failure outweighs a pending judgement. */
  if (result == QA_CONDITION_FAIL || condition->result == QA_CONDITION_PASS)
    condition->result = result;
}

gboolean
qa_rules_years_between (const char *from,
                        const char *to,
                        guint      *years,
                        guint      *months)
{
  GDate a, b;
  int y, m;

  g_return_val_if_fail (years != NULL && months != NULL, FALSE);

  if (!_qa_date_parse (from, &a) || !_qa_date_parse (to, &b) || g_date_compare (&a, &b) > 0)
    return FALSE;

  y = g_date_get_year (&b) - g_date_get_year (&a);
  m = (int)g_date_get_month (&b) - (int)g_date_get_month (&a);
  if (g_date_get_day (&b) < g_date_get_day (&a))
    m--;
  if (m < 0)
    {
      y--;
      m += 12;
    }

  *years = (guint)y;
  *months = (guint)m;
  return TRUE;
}

static const char *
accident_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "quality") == 0)
    return _("quality");
  if (g_strcmp0 (kind, "safety") == 0)
    return _("safety");
  if (g_strcmp0 (kind, "environment") == 0)
    return _("environmental");
  return kind;
}

/* Art. 13(1): registered in the district, an independent legal person, operating lawfully for
 * at least the profile's number of years on the application deadline. */
static void
check_registration (QaEligibilityCondition   *condition,
                    QaProfile                *profile,
                    const GDate              *deadline,
                    const char               *deadline_text,
                    const QaEligibilityFacts *facts)
{
  guint min_years = qa_profile_get_min_operating_years (profile);
  GDate founded;

  if (g_strcmp0 (facts->district, qa_profile_get_district (profile)) != 0)
    add_reason (condition, QA_CONDITION_FAIL, _("registered in %s, not in %s"),
                facts->district != NULL && *facts->district != '\0' ? facts->district : _("an unknown district"),
                qa_profile_get_district (profile));

  if (!facts->legal_person)
    add_reason (condition, QA_CONDITION_FAIL, "%s", _("not an independent legal person"));

  if (!_qa_date_parse (facts->founded, &founded))
    add_reason (condition, QA_CONDITION_FAIL, "%s", _("the date operations began is not recorded"));
  else if (g_date_compare (&founded, deadline) > 0)
    add_reason (condition, QA_CONDITION_FAIL, _("operations began on %s, after the deadline %s"),
                facts->founded, deadline_text);
  else
    {
      GDate enough = founded;
      guint years = 0, months = 0;

      g_date_add_years (&enough, min_years);
      if (g_date_compare (&enough, deadline) > 0)
        {
          qa_rules_years_between (facts->founded, deadline_text, &years, &months);
          add_reason (condition, QA_CONDITION_FAIL,
                      /* Translators: e.g. “operating 2 years 11 months on 2026-09-30; 3 years required” */
                      _("operating %u years %u months on %s; %u years required"),
                      years, months, deadline_text, min_years);
        }
    }
}

/* Art. 13(2): no quality, safety or environmental liability accident in the look-back years
 * before the deadline. */
static void
check_accidents (QaEligibilityCondition   *condition,
                 QaProfile                *profile,
                 const GDate              *deadline,
                 const char               *deadline_text,
                 const QaEligibilityFacts *facts)
{
  guint lookback = qa_profile_get_accident_lookback_years (profile);
  GDate since = *deadline;

  g_date_subtract_years (&since, lookback);

  if (facts->declared_accidents)
    add_reason (condition, QA_CONDITION_FAIL,
                _("a quality, safety or environmental liability accident is declared in the %u years before %s"),
                lookback, deadline_text);

  for (guint i = 0; i < facts->n_accidents; i++)
    {
      const QaAccidentFact *accident = facts->accidents[i];
      GDate date;

      if (!_qa_date_parse (accident->date, &date))
        continue;
      if (g_date_compare (&date, &since) > 0 && g_date_compare (&date, deadline) <= 0)
        add_reason (condition, QA_CONDITION_FAIL,
                    _("%s liability accident on %s, within the %u years before %s"),
                    accident_kind_label (accident->kind), accident->date, lookback, deadline_text);
    }
}

/* Art. 13(3)–(5) are the secretariat's judgement, recorded with a note; none is assumed. */
static void
check_judgement (QaEligibilityCondition   *condition,
                 const QaEligibilityFacts *facts)
{
  guint index = condition->condition - 3;
  const char *note = facts->judged_notes[index];

  switch (facts->judged[index])
    {
    case QA_CONDITION_PASS:
      break;

    case QA_CONDITION_FAIL:
      if (note != NULL && *note != '\0')
        add_reason (condition, QA_CONDITION_FAIL, _("judged not met: %s"), note);
      else
        add_reason (condition, QA_CONDITION_FAIL, "%s", _("judged not met"));
      break;

    case QA_CONDITION_PENDING:
    default:
      add_reason (condition, QA_CONDITION_PENDING, "%s",
                  _("awaits the secretariat’s judgement"));
      break;
    }
}

QaEligibilityReport *
qa_rules_check_eligibility (QaProfile                *profile,
                           const char               *deadline,
                           const QaEligibilityFacts *facts)
{
  g_autoptr(QaEligibilityReport) report = NULL;
  GDate deadline_date;

  g_return_val_if_fail (QA_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (facts != NULL, NULL);

  if (!_qa_date_parse (deadline, &deadline_date))
    g_return_val_if_reached (NULL);

  report = g_new0 (QaEligibilityReport, 1);
  for (guint i = 0; i < G_N_ELEMENTS (report->conditions); i++)
    {
      report->conditions[i].condition = i + 1;
      report->conditions[i].result = QA_CONDITION_PASS;
      report->conditions[i].automatic = !qa_rules_condition_is_judged (i + 1);
      report->conditions[i].reasons = g_ptr_array_new_with_free_func (g_free);
    }

  check_registration (&report->conditions[0], profile, &deadline_date, deadline, facts);
  check_accidents (&report->conditions[1], profile, &deadline_date, deadline, facts);
  for (guint i = 2; i < 5; i++)
    check_judgement (&report->conditions[i], facts);

  return g_steal_pointer (&report);
}

void
qa_eligibility_report_free (QaEligibilityReport *report)
{
  if (report == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (report->conditions); i++)
    g_clear_pointer (&report->conditions[i].reasons, g_ptr_array_unref);
  g_free (report);
}

gboolean
qa_eligibility_report_is_eligible (const QaEligibilityReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (report->conditions); i++)
    if (report->conditions[i].result != QA_CONDITION_PASS)
      return FALSE;
  return TRUE;
}

gboolean
qa_eligibility_report_is_pending (const QaEligibilityReport *report)
{
  gboolean pending = FALSE;

  g_return_val_if_fail (report != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (report->conditions); i++)
    {
      if (report->conditions[i].result == QA_CONDITION_FAIL)
        return FALSE;
      if (report->conditions[i].result == QA_CONDITION_PENDING)
        pending = TRUE;
    }
  return pending;
}

GPtrArray *
qa_eligibility_report_dup_reasons (const QaEligibilityReport *report)
{
  GPtrArray *reasons = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (report != NULL, reasons);

  for (guint i = 0; i < G_N_ELEMENTS (report->conditions); i++)
    for (guint r = 0; r < report->conditions[i].reasons->len; r++)
      g_ptr_array_add (reasons, g_strdup (g_ptr_array_index (report->conditions[i].reasons, r)));
  return reasons;
}

/* Art. 11: the expert panel ------------------------------------------------------------------ */

#define ARTICLE_11      N_("Art. 11")
#define ARTICLE_11_1    N_("Art. 11(1)")
#define ARTICLE_11_3    N_("Art. 11(3)")
#define ARTICLE_11_4    N_("Art. 11(4)")
#define ARTICLE_23_CONF N_("Art. 23 (confidentiality)")
#define ARTICLE_23_PEN  N_("Art. 23 (penalties)")

void
qa_panel_violation_free (QaPanelViolation *violation)
{
  if (violation == NULL)
    return;

  g_free (violation->article);
  g_free (violation->expert_id);
  g_free (violation->applicant_id);
  g_free (violation->message);
  g_free (violation);
}

QaPanelViolation *
qa_panel_violation_new (const char *expert_id,
                        const char *applicant_id,
                        const char *message)
{
  QaPanelViolation *violation = g_new0 (QaPanelViolation, 1);

  g_return_val_if_fail (message != NULL, violation);

  violation->expert_id = g_strdup (expert_id);
  violation->applicant_id = g_strdup (applicant_id);
  violation->message = g_strdup (message);
  return violation;
}

/* A violation of @article, about @what (already formatted). */
static QaPanelViolation *
article_violation_new (const char *article,
                       const char *expert_id,
                       const char *applicant_id,
                       const char *what)
{
  g_autofree char *message = g_strdup_printf (_("%s: %s"), _(article), what);
  QaPanelViolation *violation = qa_panel_violation_new (expert_id, applicant_id, message);

  violation->article = g_strdup (_(article));
  return violation;
}

static void
add_violation (GPtrArray  *violations,
               const char *article,
               const char *expert_id,
               const char *format,
               ...) G_GNUC_PRINTF (4, 5);

static void
add_violation (GPtrArray  *violations,
               const char *article,
               const char *expert_id,
               const char *format,
               ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (violations == NULL)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (violations, article_violation_new (article, expert_id, NULL, what));
}

/* “孙立 (E08)”: how a person or an organisation is named in a violation. */
static char *
label (const char *name,
       const char *id)
{
  if (name == NULL)
    return g_strdup (id);
  /* Translators: a name and its reference, e.g. “孙立 (E08)” */
  return g_strdup_printf (_("%s (%s)"), name, id);
}

/* Art. 13(1) registration and (2) accidents are facts on record; (3) management system, (4) the
 * GB/T 19580 practice and (5) the standing in the industry are the secretariat's findings. */
#define FIRST_JUDGED_CONDITION 3

gboolean
qa_rules_condition_is_judged (guint condition)
{
  return condition >= FIRST_JUDGED_CONDITION && condition <= QA_RULES_N_CONDITIONS;
}

gboolean
qa_rules_experience_suffices (QaProfile *profile,
                              guint      years)
{
  g_return_val_if_fail (QA_IS_PROFILE (profile), FALSE);

  return years >= qa_profile_get_min_experience_years (profile);
}

char *
qa_rules_former_employer_since (QaProfile  *profile,
                                const char *on)
{
  guint years;
  GDate date;
  char text[16];

  g_return_val_if_fail (QA_IS_PROFILE (profile), NULL);

  years = qa_profile_get_former_employer_years (profile);
  if (years == 0 || !_qa_date_parse (on, &date))
    return NULL;

  /* 29 February less N years is 28 February when that year has no 29th. */
  g_date_subtract_years (&date, years);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", (guint)g_date_get_year (&date),
              (guint)g_date_get_month (&date), (guint)g_date_get_day (&date));
  return g_strdup (text);
}

gboolean
qa_rules_former_employer_is_tie (QaProfile  *profile,
                                 const char *left_on,
                                 const char *on)
{
  g_autofree char *since = NULL;
  GDate left;

  g_return_val_if_fail (QA_IS_PROFILE (profile), FALSE);

  since = qa_rules_former_employer_since (profile, on);
  /* Dates written YYYY-MM-DD compare as text. */
  return since != NULL && _qa_date_parse (left_on, &left) && strcmp (left_on, since) >= 0;
}

gboolean
qa_rules_expert_can_serve (QaProfile                *profile,
                           const QaPanelMemberFacts *expert,
                           GPtrArray                *violations)
{
  guint min_years = qa_profile_get_min_experience_years (profile);
  g_autofree char *who = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (QA_IS_PROFILE (profile), FALSE);
  g_return_val_if_fail (expert != NULL && expert->id != NULL, FALSE);

  who = label (expert->name, expert->id);

  if (!expert->ethics)
    {
      ok = FALSE;
      add_violation (violations, ARTICLE_11_1, expert->id,
                     _("%s has no integrity declaration on file"), who);
    }

  if (!qa_rules_experience_suffices (profile, expert->experience_years))
    {
      ok = FALSE;
      add_violation (violations, ARTICLE_11_3, expert->id,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "%s has %u year of experience; %u required",
                                  "%s has %u years of experience; %u required",
                                  expert->experience_years),
                     who, expert->experience_years, min_years);
    }

  if (!expert->trained)
    {
      ok = FALSE;
      add_violation (violations, ARTICLE_11_4, expert->id,
                     _("%s has no systematic training in performance-excellence assessment on record"),
                     who);
    }

  if (!expert->declared)
    {
      ok = FALSE;
      add_violation (violations, ARTICLE_23_CONF, expert->id,
                     _("%s has not signed this session’s impartiality and confidentiality declaration"),
                     who);
    }

  if (expert->status != QA_EXPERT_STATUS_ACTIVE)
    {
      ok = FALSE;
      add_violation (violations, ARTICLE_23_PEN, expert->id,
                     expert->status == QA_EXPERT_STATUS_SUSPENDED
                     /* Translators: who, since when, and why */
                     ? _("%s is suspended since %s: %s")
                     /* Translators: who, on which date, and why */
                     : _("%s was disqualified on %s: %s"),
                     who, expert->status_date != NULL ? expert->status_date : "?",
                     expert->status_reason != NULL ? expert->status_reason : "");
    }

  return ok;
}

QaPanelViolation *
qa_rules_check_panel_size (QaProfile *profile,
                           guint      n_members)
{
  guint min_size = qa_profile_get_panel_min_size (profile);
  gboolean odd = qa_profile_get_panel_odd (profile);
  g_autofree char *size = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (QA_IS_PROFILE (profile), NULL);

  if (n_members >= min_size && !(odd && n_members % 2 == 0))
    return NULL;

  size = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the panel has %u member",
                                       "the panel has %u members", n_members),
                          n_members);
  if (odd)
    /* Translators: e.g. “the panel has 4 members; at least 5 and an odd number are required” */
    what = g_strdup_printf (_("%s; at least %u and an odd number are required"), size, min_size);
  else
    what = g_strdup_printf (_("%s; at least %u are required"), size, min_size);
  return article_violation_new (ARTICLE_11, NULL, NULL, what);
}

GPtrArray *
qa_rules_check_panel (QaProfile                *profile,
                      const QaPanelMemberFacts *members,
                      guint                     n_members,
                      const QaPanelMemberFacts *chair)
{
  g_autoptr(GPtrArray) violations = g_ptr_array_new_with_free_func ((GDestroyNotify)qa_panel_violation_free);
  QaPanelViolation *violation;
  gboolean chair_is_member = FALSE;

  g_return_val_if_fail (QA_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (members != NULL || n_members == 0, NULL);

  violation = qa_rules_check_panel_size (profile, n_members);
  if (violation != NULL)
    g_ptr_array_add (violations, violation);

  for (guint i = 0; i < n_members; i++)
    chair_is_member |= chair != NULL && g_strcmp0 (members[i].id, chair->id) == 0;

  if (chair == NULL)
    add_violation (violations, ARTICLE_11, NULL, "%s", _("the panel has no chair"));
  else if (!chair_is_member)
    {
      g_autofree char *who = label (chair->name, chair->id);

      add_violation (violations, ARTICLE_11, chair->id, _("the chair %s is not a member of the panel"),
                     who);
    }

  for (guint i = 0; i < n_members; i++)
    qa_rules_expert_can_serve (profile, &members[i], violations);

  return g_steal_pointer (&violations);
}

QaPanelViolation *
qa_rules_check_scorers (QaProfile                *profile,
                        const char               *applicant_id,
                        const char               *applicant_name,
                        guint                     n_scorers,
                        const QaPanelMemberFacts *recused,
                        guint                     n_recused)
{
  guint min_scorers = qa_profile_get_min_scorers (profile);
  g_autofree char *applicant = NULL;
  g_autofree char *what = NULL;
  g_autoptr(GString) names = NULL;

  g_return_val_if_fail (QA_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (applicant_id != NULL, NULL);
  g_return_val_if_fail (recused != NULL || n_recused == 0, NULL);

  if (n_scorers >= min_scorers)
    return NULL;

  applicant = label (applicant_name, applicant_id);
  if (n_recused == 0)
    {
      what = g_strdup_printf (_("%s would be scored by %u experts; %u required"),
                              applicant, n_scorers, min_scorers);
      return article_violation_new (ARTICLE_11, NULL, applicant_id, what);
    }

  names = g_string_new (NULL);
  for (guint i = 0; i < n_recused; i++)
    {
      g_autofree char *who = label (recused[i].name, recused[i].id);

      if (i > 0)
        g_string_append (names, _(", "));
      g_string_append (names, who);
    }

  what = g_strdup_printf (_("%s would be scored by %u experts after the recusal of %s; %u required: place more experts without a tie to it on the panel"),
                          applicant, n_scorers, names->str, min_scorers);
  return article_violation_new (ARTICLE_11, NULL, applicant_id, what);
}
