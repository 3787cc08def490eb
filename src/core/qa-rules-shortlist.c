/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The comprehensive evaluation and the candidate list (Art. 4, 16(5), 16(6)): a pure function of
 * the applicants' exact totals and the profile, so that it is tested without a database. */

#define G_LOG_DOMAIN "qa-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-rules.h"

static const char * const status_names[QA_N_OUTCOME_STATUSES] = {
  [QA_OUTCOME_CANDIDATE] = "candidate",
  [QA_OUTCOME_NOMINEE] = "nominee",
  [QA_OUTCOME_OVER_LIMIT] = "over_limit",
  [QA_OUTCOME_BELOW_THRESHOLD] = "below_threshold",
  [QA_OUTCOME_NOT_SITE_REVIEWED] = "not_site_reviewed",
  [QA_OUTCOME_INELIGIBLE] = "ineligible",
  [QA_OUTCOME_OBJECTION_UPHELD] = "objection_upheld",
  [QA_OUTCOME_TIED] = "tied",
};

static const char * const status_labels[QA_N_OUTCOME_STATUSES] = {
  [QA_OUTCOME_CANDIDATE] = N_("Candidate"),
  [QA_OUTCOME_NOMINEE] = N_("Nominee"),
  [QA_OUTCOME_OVER_LIMIT] = N_("Over the limit"),
  [QA_OUTCOME_BELOW_THRESHOLD] = N_("Below the threshold"),
  [QA_OUTCOME_NOT_SITE_REVIEWED] = N_("Not site-reviewed"),
  [QA_OUTCOME_INELIGIBLE] = N_("Ineligible"),
  [QA_OUTCOME_OBJECTION_UPHELD] = N_("Objection upheld"),
  [QA_OUTCOME_TIED] = N_("Tied"),
};

const char *
qa_outcome_status_to_string (QaOutcomeStatus status)
{
  g_return_val_if_fail (status < QA_N_OUTCOME_STATUSES, NULL);
  return status_names[status];
}

gboolean
qa_outcome_status_from_string (const char      *str,
                               QaOutcomeStatus *status)
{
  for (guint i = 0; i < QA_N_OUTCOME_STATUSES; i++)
    {
      if (g_strcmp0 (str, status_names[i]) == 0)
        {
          *status = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
qa_outcome_status_get_label (QaOutcomeStatus status)
{
  g_return_val_if_fail (status < QA_N_OUTCOME_STATUSES, NULL);
  return _(status_labels[status]);
}

char *
qa_rules_format_score_x100 (gint64 x100)
{
  gint64 tenths = x100 >= 0 ? (x100 + 5) / 10 : -((-x100 + 4) / 10);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, tenths < 0 ? "-" : "",
                          ABS (tenths) / 10, ABS (tenths) % 10);
}

char *
qa_rules_format_final (gint64 x100000)
{
  gint64 tenths = (x100000 + 5000) / 10000;

  g_return_val_if_fail (x100000 >= 0, NULL);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, tenths / 10, tenths % 10);
}

/* A threshold as the profile writes it: 500, 482.5. */
static char *
format_threshold (gint64 x100)
{
  if (x100 % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, x100 / 100);
  if (x100 % 10 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT ".%" G_GINT64_FORMAT, x100 / 100, (x100 % 100) / 10);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT, x100 / 100, x100 % 100);
}

/* A final score compared with a threshold: one decimal, unless rounding would make it look as
 * if it reached (or missed) the bar; then every decimal it has. */
static char *
format_final_against (gint64 x100000,
                      gint64 threshold_x100)
{
  gint64 threshold = threshold_x100 * 1000;
  gint64 rounded = ((x100000 + 5000) / 10000) * 10000;
  g_autoptr(GString) exact = NULL;

  if ((x100000 >= threshold) == (rounded >= threshold))
    return qa_rules_format_final (x100000);

  exact = g_string_new (NULL);
  g_string_printf (exact, "%" G_GINT64_FORMAT ".%05" G_GINT64_FORMAT, x100000 / 100000,
                   x100000 % 100000);
  while (exact->str[exact->len - 1] == '0')
    g_string_truncate (exact, exact->len - 1);
  return g_strdup (exact->str);
}

/* “reason (article)”, translated punctuation. */
static char *
with_article (const char *reason,
              const char *article)
{
  /* Translators: a reason and the article behind it, e.g. “Rank 4, limit 3 (Art. 4)”. */
  return g_strdup_printf (_("%s (%s)"), reason, article);
}

static void
set_reason (QaShortlistRow *row,
            const char     *article,
            char           *reason)
{
  g_free (row->reason);
  g_free (row->article);
  row->reason = with_article (reason, article);
  row->article = g_strdup (article);
  g_free (reason);
}

static void
shortlist_row_free (QaShortlistRow *row)
{
  g_free (row->applicant_id);
  g_free (row->name);
  g_free (row->reason);
  g_free (row->article);
  g_free (row);
}

void
qa_shortlist_result_free (QaShortlistResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->rows);
  g_free (result->vacancy_reason);
  g_free (result);
}

typedef struct
{
  QaShortlistRow         *row;
  const QaShortlistFacts *facts;
} Ranked;

/* Final score, then site, then material, all descending; the id only to make the order of
 * applicants with the same rank stable. */
static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const QaShortlistRow *x = ((const Ranked *)a)->row, *y = ((const Ranked *)b)->row;

  if (x->final_x100000 != y->final_x100000)
    return x->final_x100000 > y->final_x100000 ? -1 : 1;
  if (x->site_x100 != y->site_x100)
    return x->site_x100 > y->site_x100 ? -1 : 1;
  if (x->material_x100 != y->material_x100)
    return x->material_x100 > y->material_x100 ? -1 : 1;
  return g_strcmp0 (x->applicant_id, y->applicant_id);
}

static gboolean
same_place (const QaShortlistRow *x,
            const QaShortlistRow *y)
{
  return x->final_x100000 == y->final_x100000 && x->site_x100 == y->site_x100 &&
         x->material_x100 == y->material_x100;
}

static int
compare_tie_order (gconstpointer a,
                   gconstpointer b)
{
  const Ranked *x = a, *y = b;

  return (int)x->facts->tie_order - (int)y->facts->tie_order;
}

/* Has the committee ordered every member of the group, each in a place of its own? */
static gboolean
tie_decided (const Ranked *group,
             guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      if (group[i].facts->tie_order == 0)
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (group[j].facts->tie_order == group[i].facts->tie_order)
          return FALSE;
    }
  return TRUE;
}

typedef struct
{
  QaProfile *profile;
  guint      n_tiers;
  guint      tier;         /* the tier whose places are being given, n_tiers when none is left */
  guint      used;         /* places of that tier given */
  guint      total_places; /* of every tier */
  gint64     lowest_threshold_x100;
} Allocation;

static const QaProfileTier *
current_tier (Allocation *alloc)
{
  return alloc->tier < alloc->n_tiers ? qa_profile_get_tier (alloc->profile, alloc->tier) : NULL;
}

/* Moves on past tiers that are full or whose bar @final does not reach. */
static void
skip_tiers (Allocation *alloc,
            gint64      final_x100000)
{
  const QaProfileTier *tier;

  while ((tier = current_tier (alloc)) != NULL &&
         (alloc->used >= tier->limit || final_x100000 < tier->threshold_x100 * 1000))
    {
      alloc->tier++;
      alloc->used = 0;
    }
}

static void
give_place (Allocation     *alloc,
            QaShortlistRow *row,
            gboolean        by_committee)
{
  const QaProfileTier *tier = current_tier (alloc);
  const QaProfileTier *first = qa_profile_get_tier (alloc->profile, 0);
  g_autofree char *final = format_final_against (row->final_x100000, tier->threshold_x100);
  g_autofree char *threshold = format_threshold (tier->threshold_x100);
  const char *article = _("Art. 4");

  alloc->used++;
  if (tier->kind == QA_TIER_AWARD)
    {
      row->status = QA_OUTCOME_CANDIDATE;
      if (by_committee)
        set_reason (row, article,
                    g_strdup_printf (_("Rank %u, tied; placed within the limit of %u by the review "
                                       "committee's decision; %s ≥ %s"),
                                     row->rank, tier->limit, final, threshold));
      else
        set_reason (row, article,
                    g_strdup_printf (_("Rank %u, limit %u; %s ≥ %s"), row->rank, tier->limit,
                                     final, threshold));
    }
  else
    {
      row->status = QA_OUTCOME_NOMINEE;
      set_reason (row, article,
                  g_strdup_printf (by_committee
                                   ? _("Rank %u, tied; placed by the review committee's decision "
                                       "among the %u places of the %s after the %u awards; %s ≥ %s")
                                   : _("Rank %u, within the %u places of the %s after the %u "
                                       "awards; %s ≥ %s"),
                                   row->rank, tier->limit, qa_profile_tier_get_name (tier),
                                   first->limit, final, threshold));
    }
}

static void
no_place (Allocation     *alloc,
          QaShortlistRow *row)
{
  const QaProfileTier *first = qa_profile_get_tier (alloc->profile, 0);

  if (row->final_x100000 >= alloc->lowest_threshold_x100 * 1000)
    {
      row->status = QA_OUTCOME_OVER_LIMIT;
      set_reason (row, _("Art. 4"),
                  g_strdup_printf (_("Rank %u, limit %u"), row->rank, alloc->total_places));
    }
  else
    {
      g_autofree char *final = format_final_against (row->final_x100000, first->threshold_x100);
      g_autofree char *threshold = format_threshold (alloc->lowest_threshold_x100);

      row->status = QA_OUTCOME_BELOW_THRESHOLD;
      set_reason (row, _("Art. 4"), g_strdup_printf ("%s < %s", final, threshold));
    }
}

static void
allocate_group (Allocation *alloc,
                Ranked     *group,
                guint       n)
{
  const QaProfileTier *tier;
  guint remaining;

  skip_tiers (alloc, group[0].row->final_x100000);
  tier = current_tier (alloc);
  if (tier == NULL)
    {
      for (guint i = 0; i < n; i++)
        no_place (alloc, group[i].row);
      return;
    }

  remaining = tier->limit - alloc->used;
  if (n <= remaining)
    {
      for (guint i = 0; i < n; i++)
        give_place (alloc, group[i].row, FALSE);
      return;
    }

  /* The limit falls inside the group: only the review committee can separate them. */
  if (n > 1 && tie_decided (group, n))
    {
      qsort (group, n, sizeof (Ranked), compare_tie_order);
      for (guint i = 0; i < n; i++)
        {
          skip_tiers (alloc, group[i].row->final_x100000);
          if (current_tier (alloc) != NULL)
            give_place (alloc, group[i].row, TRUE);
          else
            no_place (alloc, group[i].row);
        }
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) others = g_string_new (NULL);

      for (guint j = 0; j < n; j++)
        {
          if (j == i)
            continue;
          if (others->len > 0)
            /* Translators: the separator of a list of names */
            g_string_append (others, _(", "));
          g_string_append (others, group[j].row->name);
        }
      group[i].row->status = QA_OUTCOME_TIED;
      set_reason (group[i].row, _("Art. 4"),
                  g_strdup_printf (_("Rank %u, tied with %s after the tie-breaks (site score, then "
                                     "material score) where the limit of %u falls: the review "
                                     "committee decides"),
                                   group[i].row->rank, others->str, tier->limit));
    }

  /* The tied take the tier's remaining places and, beyond them, places of the next tiers. */
  alloc->used = tier->limit;
  for (guint left = n - remaining; left > 0 && alloc->tier < alloc->n_tiers;)
    {
      skip_tiers (alloc, group[0].row->final_x100000);
      tier = current_tier (alloc);
      if (tier == NULL)
        break;
      remaining = MIN (left, tier->limit - alloc->used);
      alloc->used += remaining;
      left -= remaining;
    }
}

static void
set_not_ranked (QaProfile              *profile,
                QaShortlistRow         *row,
                const QaShortlistFacts *facts)
{
  if (!facts->eligible)
    {
      row->status = QA_OUTCOME_INELIGIBLE;
      set_reason (row, _("Art. 13"),
                  g_strdup (_("Not accepted in the eligibility check")));
      return;
    }

  row->status = QA_OUTCOME_NOT_SITE_REVIEWED;
  if (!facts->material_reviewed)
    set_reason (row, _("Art. 16(3)"), g_strdup (_("No material-review consensus")));
  else if (facts->material_x100 < qa_profile_get_site_threshold_x100 (profile))
    {
      gint64 threshold_x100 = qa_profile_get_site_threshold_x100 (profile);
      /* Two decimals where one would round the score up to the bar. */
      g_autofree char *score = ((facts->material_x100 + 5) / 10) * 10 >= threshold_x100
                               ? g_strdup_printf ("%" G_GINT64_FORMAT ".%02" G_GINT64_FORMAT,
                                                  facts->material_x100 / 100,
                                                  facts->material_x100 % 100)
                               : qa_rules_format_score_x100 (facts->material_x100);
      g_autofree char *threshold = format_threshold (qa_profile_get_site_threshold_x100 (profile));

      set_reason (row, _("Art. 16(3)"),
                  g_strdup_printf (_("Material score %s < %s, the site-review threshold"),
                                   score, threshold));
    }
  else
    set_reason (row, _("Art. 16(3)"),
                g_strdup (_("Not sent to site review by the panel")));
}

static int
compare_unranked (gconstpointer a,
                  gconstpointer b)
{
  const QaShortlistRow *x = *(QaShortlistRow * const *)a, *y = *(QaShortlistRow * const *)b;

  if (x->status != y->status)
    return x->status == QA_OUTCOME_NOT_SITE_REVIEWED ? -1 : 1;
  if (x->has_material != y->has_material)
    return x->has_material ? -1 : 1;
  if (x->material_x100 != y->material_x100)
    return x->material_x100 > y->material_x100 ? -1 : 1;
  return g_strcmp0 (x->applicant_id, y->applicant_id);
}

QaShortlistResult *
qa_rules_shortlist (QaProfile              *profile,
                    const QaShortlistFacts *facts,
                    guint                   n_facts)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, TRUE, sizeof (Ranked));
  g_autoptr(GPtrArray) unranked = g_ptr_array_new ();
  QaShortlistResult *result;
  Allocation alloc = { profile, qa_profile_get_n_tiers (profile), 0, 0, 0, G_MAXINT64 };
  guint mw = qa_profile_get_material_weight_milli (profile);
  guint sw = qa_profile_get_site_weight_milli (profile);
  const QaProfileTier *first = qa_profile_get_tier (profile, 0);
  gint64 best = -1;
  gboolean any_candidate = FALSE, any_reaching = FALSE;

  g_return_val_if_fail (QA_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (facts != NULL || n_facts == 0, NULL);

  for (guint t = 0; t < alloc.n_tiers; t++)
    {
      const QaProfileTier *tier = qa_profile_get_tier (profile, t);

      alloc.total_places += tier->limit;
      alloc.lowest_threshold_x100 = MIN (alloc.lowest_threshold_x100, tier->threshold_x100);
    }

  result = g_new0 (QaShortlistResult, 1);
  result->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)shortlist_row_free);

  for (guint i = 0; i < n_facts; i++)
    {
      QaShortlistRow *row = g_new0 (QaShortlistRow, 1);

      row->applicant_id = g_strdup (facts[i].applicant_id);
      row->name = g_strdup (facts[i].name != NULL ? facts[i].name : facts[i].applicant_id);
      row->has_material = facts[i].material_reviewed;
      row->material_x100 = facts[i].material_reviewed ? facts[i].material_x100 : 0;
      if (facts[i].eligible && facts[i].site_reviewed)
        {
          Ranked entry = { row, &facts[i] };

          row->has_site = row->has_final = TRUE;
          row->site_x100 = facts[i].site_x100;
          row->final_x100000 = (gint64)mw * row->material_x100 + (gint64)sw * row->site_x100;
          g_array_append_val (ranked, entry);
        }
      else
        {
          set_not_ranked (profile, row, &facts[i]);
          g_ptr_array_add (unranked, row);
        }
    }

  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *entry = &g_array_index (ranked, Ranked, i);

      entry->row->rank = i > 0 && same_place (entry->row, g_array_index (ranked, Ranked, i - 1).row)
                         ? g_array_index (ranked, Ranked, i - 1).row->rank : i + 1;
    }

  for (guint start = 0; start < ranked->len;)
    {
      guint end = start + 1;

      while (end < ranked->len &&
             same_place (g_array_index (ranked, Ranked, start).row,
                         g_array_index (ranked, Ranked, end).row))
        end++;
      allocate_group (&alloc, &g_array_index (ranked, Ranked, start), end - start);
      start = end;
    }

  /* The committee's re-check: an upheld objection cancels the nomination; nobody moves up. */
  for (guint i = 0; i < ranked->len; i++)
    {
      Ranked *entry = &g_array_index (ranked, Ranked, i);
      QaShortlistRow *row = entry->row;

      if (row->final_x100000 >= first->threshold_x100 * 1000)
        any_reaching = TRUE;
      best = MAX (best, row->final_x100000);
      if (entry->facts->objection_upheld &&
          (row->status == QA_OUTCOME_CANDIDATE || row->status == QA_OUTCOME_NOMINEE ||
           row->status == QA_OUTCOME_TIED))
        {
          row->status = QA_OUTCOME_OBJECTION_UPHELD;
          if (entry->facts->objection_note != NULL)
            set_reason (row, _("Art. 16(6)"),
                        g_strdup_printf (_("An objection was upheld during the public notice (%s); "
                                           "the nomination is cancelled and its place is not "
                                           "refilled"),
                                         entry->facts->objection_note));
          else
            set_reason (row, _("Art. 16(6)"),
                        g_strdup (_("An objection was upheld during the public notice; the "
                                    "nomination is cancelled and its place is not refilled")));
        }
      if (row->status == QA_OUTCOME_CANDIDATE || row->status == QA_OUTCOME_TIED)
        any_candidate = TRUE;
      g_ptr_array_add (result->rows, row);
    }

  g_ptr_array_sort (unranked, compare_unranked);
  for (guint i = 0; i < unranked->len; i++)
    g_ptr_array_add (result->rows, g_ptr_array_index (unranked, i));

  if (!any_candidate)
    {
      g_autofree char *threshold = format_threshold (first->threshold_x100);
      g_autofree char *why = NULL;

      result->vacant = TRUE;
      if (ranked->len == 0)
        why = g_strdup (_("The award is left vacant this session: no applicant reached site "
                          "review"));
      else if (!any_reaching)
        {
          g_autofree char *top = format_final_against (best, first->threshold_x100);

          why = g_strdup_printf (_("The award is left vacant this session: no applicant's final "
                                   "score reaches %s (the highest is %s)"), threshold, top);
        }
      else
        why = g_strdup (_("The award is left vacant this session: every candidate's nomination "
                          "was cancelled by an upheld objection"));
      result->vacancy_reason = with_article (why, _("Art. 4"));
    }

  return result;
}
