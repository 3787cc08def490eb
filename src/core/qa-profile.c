/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qa-profile"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "qa-profile.h"
#include "qa-xml-private.h"

#define PROFILE_SCHEMA "schemas/profile.xsd"
#define WEIGHT_TOLERANCE 1e-9

struct _QaProfile
{
  GObject            parent_instance;

  GBytes            *bytes;
  char              *id;
  char              *award_name_zh;
  char              *award_name_en;
  char              *authority_zh;
  char              *authority_en;
  char              *district;
  char              *criteria_id;

  guint              cycle_years;
  guint              award_limit;
  guint              prize_yuan;
  guint              validity_years;
  guint              min_operating_years;
  guint              accident_lookback_years;
  guint              panel_min_size;
  gboolean           panel_odd;
  guint              min_experience_years;
  guint              min_scorers;
  guint              former_employer_years;
  guint              public_notice_days;
  guint              accident_publicity_years;

  double             material_weight;
  double             site_weight;
  double             site_threshold;
  double             award_threshold;
  QaConsensusMethod  consensus_method;
  guint              trim_min_scorers;
  guint              consensus_rounding;
  guint              discussion_spread;

  GArray            *tiers;    /* QaProfileTier, strings owned through tier_strings */
  GPtrArray         *tier_strings;
  guint              score_step;
};

G_DEFINE_QUARK (qa-profile-error-quark, qa_profile_error)

G_DEFINE_FINAL_TYPE (QaProfile, qa_profile, G_TYPE_OBJECT)

/* The whole-number rules: element, attribute, the range the program accepts, the field. The
 * schema has the same ranges; checking them here too keeps a loosened schema harmless. */
typedef struct
{
  const char *element;
  const char *attribute;
  guint       min;
  guint       max;
  gsize       offset;
} UintRule;

static const UintRule uint_rules[] = {
  { "session", "cycle-years", 1, 1000, G_STRUCT_OFFSET (QaProfile, cycle_years) },
  { "session", "award-limit", 1, 1000, G_STRUCT_OFFSET (QaProfile, award_limit) },
  { "session", "prize-yuan", 0, 1000000000, G_STRUCT_OFFSET (QaProfile, prize_yuan) },
  { "validity", "years", 1, 1000, G_STRUCT_OFFSET (QaProfile, validity_years) },
  { "eligibility", "min-operating-years", 0, 100,
    G_STRUCT_OFFSET (QaProfile, min_operating_years) },
  { "eligibility", "accident-lookback-years", 0, 100,
    G_STRUCT_OFFSET (QaProfile, accident_lookback_years) },
  { "panel", "min-size", 1, 1000, G_STRUCT_OFFSET (QaProfile, panel_min_size) },
  { "panel", "min-experience-years", 0, 100, G_STRUCT_OFFSET (QaProfile, min_experience_years) },
  { "panel", "min-scorers", 1, 1000, G_STRUCT_OFFSET (QaProfile, min_scorers) },
  { "public-notice", "days", 1, 1000, G_STRUCT_OFFSET (QaProfile, public_notice_days) },
  { "supervision", "accident-publicity-years", 0, 100,
    G_STRUCT_OFFSET (QaProfile, accident_publicity_years) },
  { "consensus", "trim-min-scorers", 1, 1000, G_STRUCT_OFFSET (QaProfile, trim_min_scorers) },
  { "consensus", "rounding", 1, 100, G_STRUCT_OFFSET (QaProfile, consensus_rounding) },
  { "consensus", "discussion-spread", 0, 100, G_STRUCT_OFFSET (QaProfile, discussion_spread) },
};

typedef struct
{
  const char *element;
  const char *attribute;
  double      max;
  gsize       offset;
} DoubleRule;

static const DoubleRule double_rules[] = {
  { "weights", "material", 1.0, G_STRUCT_OFFSET (QaProfile, material_weight) },
  { "weights", "site", 1.0, G_STRUCT_OFFSET (QaProfile, site_weight) },
  /* Bounded by the criteria's total: qa_profile_check_criteria(); here only by the schema's. */
  { "thresholds", "site", 1e6, G_STRUCT_OFFSET (QaProfile, site_threshold) },
  { "thresholds", "award", 1e6, G_STRUCT_OFFSET (QaProfile, award_threshold) },
};

static xmlNode *
require_element (xmlNode     *root,
                 const char  *element,
                 const char  *name,
                 GError     **error)
{
  xmlNode *node = _qa_xml_child (root, element);

  if (node == NULL)
    g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INVALID,
                 _("%s:%d: %s is missing"), name, _qa_xml_line (root), element);

  return node;
}

static gboolean
read_numbers (QaProfile   *self,
              xmlNode     *root,
              const char  *name,
              GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (uint_rules); i++)
    {
      const UintRule *rule = &uint_rules[i];
      g_autofree char *field = g_strdup_printf ("%s/@%s", rule->element, rule->attribute);
      guint *value = G_STRUCT_MEMBER_P (self, rule->offset);
      xmlNode *node;

      node = require_element (root, rule->element, name, error);
      if (node == NULL ||
          !_qa_xml_prop_uint (node, rule->attribute, G_MAXUINT, name, field, QA_PROFILE_ERROR,
                              QA_PROFILE_ERROR_INVALID, value, error))
        return FALSE;

      if (*value < rule->min || *value > rule->max)
        {
          g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                       _("%s:%d: %s: %u is not between %u and %u"),
                       name, _qa_xml_line (node), field, *value, rule->min, rule->max);
          return FALSE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (double_rules); i++)
    {
      const DoubleRule *rule = &double_rules[i];
      g_autofree char *field = g_strdup_printf ("%s/@%s", rule->element, rule->attribute);
      double *value = G_STRUCT_MEMBER_P (self, rule->offset);
      xmlNode *node;

      node = require_element (root, rule->element, name, error);
      if (node == NULL ||
          !_qa_xml_prop_double (node, rule->attribute, name, field, QA_PROFILE_ERROR,
                                QA_PROFILE_ERROR_INVALID, value, error))
        return FALSE;

      if (*value < 0.0 || *value > rule->max)
        {
          g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                       _("%s:%d: %s: %g is not between 0 and %g"),
                       name, _qa_xml_line (node), field, *value, rule->max);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_panel_odd (QaProfile   *self,
                xmlNode     *root,
                const char  *name,
                GError     **error)
{
  xmlNode *panel = require_element (root, "panel", name, error);
  g_autofree char *odd = NULL;

  if (panel == NULL)
    return FALSE;

  odd = _qa_xml_prop (panel, "odd");
  if (odd != NULL)
    g_strstrip (odd);

  if (g_strcmp0 (odd, "true") == 0 || g_strcmp0 (odd, "1") == 0)
    self->panel_odd = TRUE;
  else if (g_strcmp0 (odd, "false") == 0 || g_strcmp0 (odd, "0") == 0)
    self->panel_odd = FALSE;
  else
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INVALID,
                   _("%s:%d: panel/@odd must be “true” or “false”, not “%s”"),
                   name, _qa_xml_line (panel), odd != NULL ? odd : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_consensus_method (QaProfile   *self,
                       xmlNode     *root,
                       const char  *name,
                       GError     **error)
{
  xmlNode *consensus = require_element (root, "consensus", name, error);
  g_autofree char *method = NULL;

  if (consensus == NULL)
    return FALSE;

  method = _qa_xml_prop (consensus, "method");
  if (g_strcmp0 (method, "trimmed-mean") == 0)
    self->consensus_method = QA_CONSENSUS_METHOD_TRIMMED_MEAN;
  else if (g_strcmp0 (method, "mean") == 0)
    self->consensus_method = QA_CONSENSUS_METHOD_MEAN;
  else if (g_strcmp0 (method, "median") == 0)
    self->consensus_method = QA_CONSENSUS_METHOD_MEDIAN;
  else
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INVALID,
                   _("%s:%d: consensus/@method must be “trimmed-mean”, “mean” or “median”, "
                     "not “%s”"),
                   name, _qa_xml_line (consensus), method != NULL ? method : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_names (QaProfile   *self,
            xmlNode     *root,
            const char  *name,
            GError     **error)
{
  xmlNode *award = require_element (root, "award", name, error);
  xmlNode *district;
  xmlNode *criteria;

  if (award == NULL ||
      !_qa_xml_localized (award, "name", TRUE, name, "award/name", QA_PROFILE_ERROR,
                          QA_PROFILE_ERROR_INVALID, &self->award_name_zh,
                          &self->award_name_en, error) ||
      !_qa_xml_localized (award, "authority", TRUE, name, "award/authority", QA_PROFILE_ERROR,
                          QA_PROFILE_ERROR_INVALID, &self->authority_zh,
                          &self->authority_en, error))
    return FALSE;

  district = _qa_xml_child (award, "district");
  if (district == NULL)
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INVALID,
                   _("%s:%d: award/district is missing"), name, _qa_xml_line (award));
      return FALSE;
    }
  self->district = _qa_xml_text (district);

  criteria = require_element (root, "criteria", name, error);
  if (criteria == NULL)
    return FALSE;
  self->criteria_id = _qa_xml_prop (criteria, "id");
  if (self->criteria_id == NULL)
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INVALID,
                   _("%s:%d: criteria/@id is missing"), name, _qa_xml_line (criteria));
      return FALSE;
    }

  return TRUE;
}

static gint64
exact_x100 (double value)
{
  return (gint64)llround (value * 100.0);
}

/* The award's tiers: the <tiers> element, or one tier made of session/@award-limit and
 * @prize-yuan. */
static gboolean
read_tiers (QaProfile   *self,
            xmlNode     *root,
            const char  *name,
            GError     **error)
{
  xmlNode *tiers = _qa_xml_child (root, "tiers");
  guint index = 0;

  if (tiers == NULL)
    {
      QaProfileTier tier = { "award", QA_TIER_AWARD, self->award_name_zh, self->award_name_en,
                             self->award_limit, self->prize_yuan,
                             exact_x100 (self->award_threshold) };

      g_array_append_val (self->tiers, tier);
      return TRUE;
    }

  for (xmlNode *node = tiers->children; node != NULL; node = node->next)
    {
      QaProfileTier tier = { NULL, };
      g_autofree char *status = NULL;
      char *zh = NULL, *en = NULL, *id = NULL;
      double threshold = self->award_threshold;

      if (!_qa_xml_is_element (node, "tier"))
        continue;

      id = _qa_xml_prop (node, "id");
      g_ptr_array_add (self->tier_strings, id);
      status = _qa_xml_prop (node, "status");
      if (!_qa_xml_localized (node, "name", TRUE, name, "tiers/tier/name", QA_PROFILE_ERROR,
                              QA_PROFILE_ERROR_INVALID, &zh, &en, error))
        return FALSE;
      g_ptr_array_add (self->tier_strings, zh);
      g_ptr_array_add (self->tier_strings, en);
      if (!_qa_xml_prop_uint (node, "limit", 1000, name, "tiers/tier/@limit", QA_PROFILE_ERROR,
                              QA_PROFILE_ERROR_INVALID, &tier.limit, error) ||
          !_qa_xml_prop_uint (node, "prize-yuan", 1000000000, name, "tiers/tier/@prize-yuan",
                              QA_PROFILE_ERROR, QA_PROFILE_ERROR_INVALID, &tier.prize_yuan, error))
        return FALSE;
      if (xmlHasProp (node, (const xmlChar *)"threshold") &&
          !_qa_xml_prop_double (node, "threshold", name, "tiers/tier/@threshold", QA_PROFILE_ERROR,
                                QA_PROFILE_ERROR_INVALID, &threshold, error))
        return FALSE;

      tier.id = id;
      tier.name_zh = zh;
      tier.name_en = en;
      tier.kind = g_strcmp0 (status, "nominee") == 0 ? QA_TIER_NOMINATION : QA_TIER_AWARD;
      tier.threshold_x100 = exact_x100 (threshold);

      /* The first tier is the award itself; a second one is its nomination. */
      if ((index == 0) != (tier.kind == QA_TIER_AWARD))
        {
          g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                       _("%s:%d: tiers/tier/@status: the first tier must be “candidate” and "
                         "the second “nominee”"),
                       name, _qa_xml_line (node));
          return FALSE;
        }
      if (index == 0 && (tier.limit != self->award_limit || tier.prize_yuan != self->prize_yuan))
        {
          g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                       _("%s:%d: the first tier's @limit and @prize-yuan (%u, %u) must be "
                         "session/@award-limit and @prize-yuan (%u, %u)"),
                       name, _qa_xml_line (node), tier.limit, tier.prize_yuan,
                       self->award_limit, self->prize_yuan);
          return FALSE;
        }
      g_array_append_val (self->tiers, tier);
      index++;
    }

  return TRUE;
}

static int
line_of (xmlNode    *root,
         const char *element)
{
  xmlNode *node = _qa_xml_child (root, element);

  return _qa_xml_line (node != NULL ? node : root);
}

/* Rules between numbers that the schema cannot express. */
static gboolean
check_consistency (QaProfile   *self,
                   xmlNode     *root,
                   const char  *name,
                   GError     **error)
{
  double weights = self->material_weight + self->site_weight;

  if (fabs (weights - 1.0) > WEIGHT_TOLERANCE)
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                   _("%s:%d: weights/@material (%g) and weights/@site (%g) add up to %g, "
                     "but they must add up to 1"),
                   name, line_of (root, "weights"), self->material_weight, self->site_weight,
                   weights);
      return FALSE;
    }

  /* Scores are computed exactly: weights in thousandths, thresholds in hundredths. */
  if (fabs (self->material_weight * 1000.0 - round (self->material_weight * 1000.0)) > 1e-6)
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                   _("%s:%d: weights/@material (%g) has more than three decimals"),
                   name, line_of (root, "weights"), self->material_weight);
      return FALSE;
    }
  if (fabs (self->site_threshold * 100.0 - round (self->site_threshold * 100.0)) > 1e-6 ||
      fabs (self->award_threshold * 100.0 - round (self->award_threshold * 100.0)) > 1e-6)
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                   _("%s:%d: thresholds/@site and @award may have at most two decimals"),
                   name, line_of (root, "thresholds"));
      return FALSE;
    }

  if (self->panel_odd && self->panel_min_size % 2 == 0)
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                   _("%s:%d: panel/@min-size: %u is even but the panel must be odd (Art. 11)"),
                   name, line_of (root, "panel"), self->panel_min_size);
      return FALSE;
    }

  if (self->min_scorers > self->panel_min_size)
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                   _("%s:%d: panel/@min-scorers: %u is more than panel/@min-size (%u)"),
                   name, line_of (root, "panel"), self->min_scorers, self->panel_min_size);
      return FALSE;
    }

  /* Dropping the highest and the lowest score must leave at least one. */
  if (self->trim_min_scorers < 3)
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                   _("%s:%d: consensus/@trim-min-scorers: %u is too few; dropping the highest "
                     "and the lowest score needs at least 3 scorers"),
                   name, line_of (root, "consensus"), self->trim_min_scorers);
      return FALSE;
    }

  if (100 % self->consensus_rounding != 0)
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                   _("%s:%d: consensus/@rounding: %u does not divide 100"),
                   name, line_of (root, "consensus"), self->consensus_rounding);
      return FALSE;
    }

  /* The step a reviewer scores in; a profile without <scoring> scores in the consensus's
   * rounding, as the first profiles said in words. */
  {
    xmlNode *scoring = _qa_xml_child (root, "scoring");

    self->score_step = self->consensus_rounding;
    if (scoring != NULL &&
        !_qa_xml_prop_uint (scoring, "step", 100, name, "scoring/@step", QA_PROFILE_ERROR,
                            QA_PROFILE_ERROR_INVALID, &self->score_step, error))
      return FALSE;
    if (self->score_step == 0 || 100 % self->score_step != 0)
      {
        g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                     _("%s:%d: scoring/@step: %u does not divide 100"),
                     name, line_of (root, "scoring"), self->score_step);
        return FALSE;
      }
  }

  /* How long a former employer stays a tie; a profile written before the attribute existed
   * keeps the program's default. */
  {
    xmlNode *panel = _qa_xml_child (root, "panel");
    g_autofree char *years = panel != NULL ? _qa_xml_prop (panel, "former-employer-years") : NULL;

    self->former_employer_years = QA_PROFILE_DEFAULT_FORMER_EMPLOYER_YEARS;
    if (years != NULL &&
        !_qa_xml_prop_uint (panel, "former-employer-years", 100, name,
                            "panel/@former-employer-years", QA_PROFILE_ERROR,
                            QA_PROFILE_ERROR_INVALID, &self->former_employer_years, error))
      return FALSE;
  }

  return TRUE;
}

static QaProfile *
load_profile (GBytes      *bytes,
              const char  *name,
              GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(QaProfile) self = NULL;
  xmlNode *root;

  doc = _qa_xml_parse_untrusted (bytes, name, QA_PROFILE_ERROR, QA_PROFILE_ERROR_PARSE, error);
  if (doc == NULL)
    return NULL;

  if (!_qa_xml_validate (doc, PROFILE_SCHEMA, name, QA_PROFILE_ERROR,
                         QA_PROFILE_ERROR_INVALID, error))
    return NULL;

  self = g_object_new (QA_TYPE_PROFILE, NULL);
  self->bytes = g_bytes_ref (bytes);

  root = xmlDocGetRootElement (doc);
  self->id = _qa_xml_prop (root, "id");
  if (self->id == NULL)
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INVALID,
                   _("%s:%d: profile/@id is missing"), name, _qa_xml_line (root));
      return NULL;
    }

  if (!read_names (self, root, name, error) ||
      !read_numbers (self, root, name, error) ||
      !read_panel_odd (self, root, name, error) ||
      !read_consensus_method (self, root, name, error) ||
      !check_consistency (self, root, name, error) ||
      !read_tiers (self, root, name, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
is_valid_id (const char *id)
{
  if (*id == '\0' || *id == '-' || strlen (id) > 64)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static void
qa_profile_finalize (GObject *object)
{
  QaProfile *self = QA_PROFILE (object);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->award_name_zh, g_free);
  g_clear_pointer (&self->award_name_en, g_free);
  g_clear_pointer (&self->authority_zh, g_free);
  g_clear_pointer (&self->authority_en, g_free);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->criteria_id, g_free);
  g_clear_pointer (&self->tiers, g_array_unref);
  g_clear_pointer (&self->tier_strings, g_ptr_array_unref);

  G_OBJECT_CLASS (qa_profile_parent_class)->finalize (object);
}

static void
qa_profile_class_init (QaProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qa_profile_finalize;
}

static void
qa_profile_init (QaProfile *self)
{
  self->tiers = g_array_new (FALSE, TRUE, sizeof (QaProfileTier));
  self->tier_strings = g_ptr_array_new_with_free_func (g_free);
}

const char *
qa_consensus_method_to_string (QaConsensusMethod method)
{
  switch (method)
    {
    case QA_CONSENSUS_METHOD_TRIMMED_MEAN:
      return "trimmed-mean";

    case QA_CONSENSUS_METHOD_MEAN:
      return "mean";

    case QA_CONSENSUS_METHOD_MEDIAN:
      return "median";

    default:
      g_return_val_if_reached (NULL);
    }
}

QaProfile *
qa_profile_new_from_id (const char  *id,
                        GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(QaProfile) self = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!is_valid_id (id))
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_NOT_FOUND,
                   _("“%s” is not a profile id (lower-case letters, digits and “-”)"), id);
      return NULL;
    }

  path = g_strdup_printf ("profiles/%s.xml", id);
  bytes = _qa_core_resource (path, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_NOT_FOUND,
                   _("The program has no rule profile “%s” (it has “%s”); give a profile "
                     "file instead"),
                   id, QA_PROFILE_DEFAULT_ID);
      return NULL;
    }

  self = load_profile (bytes, path, error);
  if (self == NULL)
    return NULL;

  if (g_strcmp0 (self->id, id) != 0)
    {
      g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                   _("%s: profile/@id is “%s”, not “%s”"), path, self->id, id);
      return NULL;
    }

  return g_steal_pointer (&self);
}

QaProfile *
qa_profile_new_from_file (GFile   *file,
                          GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = _qa_xml_load_source (file, QA_PROFILE_ERROR, QA_PROFILE_ERROR_NOT_FOUND, &name, error);
  if (bytes == NULL)
    return NULL;
  return load_profile (bytes, name, error);
}

QaProfile *
qa_profile_new_from_bytes (GBytes      *bytes,
                           const char  *name_for_errors,
                           GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_profile (bytes, name_for_errors != NULL ? name_for_errors : "profile", error);
}

GBytes *
qa_profile_get_bytes (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), NULL);

  return self->bytes;
}

const char *
qa_profile_get_id (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), NULL);

  return self->id;
}

const char *
qa_profile_get_award_name (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), NULL);

  return _qa_prefer_chinese () ? self->award_name_zh : self->award_name_en;
}

const char *
qa_profile_get_award_name_zh (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), NULL);

  return self->award_name_zh;
}

const char *
qa_profile_get_award_name_en (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), NULL);

  return self->award_name_en;
}

const char *
qa_profile_get_authority (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), NULL);

  return _qa_prefer_chinese () ? self->authority_zh : self->authority_en;
}

const char *
qa_profile_get_authority_zh (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), NULL);

  return self->authority_zh;
}

const char *
qa_profile_get_authority_en (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), NULL);

  return self->authority_en;
}

const char *
qa_profile_get_district (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), NULL);

  return self->district;
}

const char *
qa_profile_get_criteria_id (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), NULL);

  return self->criteria_id;
}

guint
qa_profile_get_cycle_years (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->cycle_years;
}

guint
qa_profile_get_award_limit (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->award_limit;
}

guint
qa_profile_get_prize_yuan (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->prize_yuan;
}

guint
qa_profile_get_validity_years (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->validity_years;
}

guint
qa_profile_get_min_operating_years (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->min_operating_years;
}

guint
qa_profile_get_accident_lookback_years (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->accident_lookback_years;
}

guint
qa_profile_get_panel_min_size (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->panel_min_size;
}

gboolean
qa_profile_get_panel_odd (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), FALSE);

  return self->panel_odd;
}

guint
qa_profile_get_min_experience_years (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->min_experience_years;
}

guint
qa_profile_get_former_employer_years (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->former_employer_years;
}

guint
qa_profile_get_min_scorers (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->min_scorers;
}

guint
qa_profile_get_public_notice_days (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->public_notice_days;
}

guint
qa_profile_get_accident_publicity_years (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->accident_publicity_years;
}

double
qa_profile_get_material_weight (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0.0);

  return self->material_weight;
}

double
qa_profile_get_site_weight (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0.0);

  return self->site_weight;
}

double
qa_profile_get_site_threshold (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0.0);

  return self->site_threshold;
}

double
qa_profile_get_award_threshold (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0.0);

  return self->award_threshold;
}

QaConsensusMethod
qa_profile_get_consensus_method (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), QA_CONSENSUS_METHOD_TRIMMED_MEAN);

  return self->consensus_method;
}

guint
qa_profile_get_trim_min_scorers (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->trim_min_scorers;
}

guint
qa_profile_get_score_step (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->score_step;
}

guint
qa_profile_get_consensus_rounding (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->consensus_rounding;
}

guint
qa_profile_get_discussion_spread (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->discussion_spread;
}

guint
qa_profile_get_material_weight_milli (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return (guint)lround (self->material_weight * 1000.0);
}

/* The complement of the material weight, so the two add up to exactly 1000. */
guint
qa_profile_get_site_weight_milli (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return 1000 - qa_profile_get_material_weight_milli (self);
}

gint64
qa_profile_get_site_threshold_x100 (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return exact_x100 (self->site_threshold);
}

gint64
qa_profile_get_award_threshold_x100 (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return exact_x100 (self->award_threshold);
}

guint
qa_profile_get_n_tiers (QaProfile *self)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), 0);

  return self->tiers->len;
}

gboolean
qa_profile_check_criteria (QaProfile   *self,
                           QaCriteria  *criteria,
                           GError     **error)
{
  gint64 total_x100;
  struct { const char *field; gint64 x100; } asked[] = {
    { "thresholds/@site", exact_x100 (self->site_threshold) },
    { "thresholds/@award", exact_x100 (self->award_threshold) },
  };

  g_return_val_if_fail (QA_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (QA_IS_CRITERIA (criteria), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  total_x100 = (gint64)qa_criteria_get_total_points (criteria) * 100;
  for (guint i = 0; i < G_N_ELEMENTS (asked); i++)
    {
      if (asked[i].x100 > total_x100)
        {
          g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                       _("Profile “%s”: %s asks for %g points, but the criteria “%s” give %u in all"),
                       self->id, asked[i].field, asked[i].x100 / 100.0,
                       qa_criteria_get_id (criteria), qa_criteria_get_total_points (criteria));
          return FALSE;
        }
    }

  for (guint i = 0; i < self->tiers->len; i++)
    {
      const QaProfileTier *tier = &g_array_index (self->tiers, QaProfileTier, i);

      if (tier->threshold_x100 > total_x100)
        {
          g_set_error (error, QA_PROFILE_ERROR, QA_PROFILE_ERROR_INCONSISTENT,
                       _("Profile “%s”: tier “%s” asks for %g points, but the criteria “%s” give %u in all"),
                       self->id, tier->id, tier->threshold_x100 / 100.0,
                       qa_criteria_get_id (criteria), qa_criteria_get_total_points (criteria));
          return FALSE;
        }
    }

  return TRUE;
}

const QaProfileTier *
qa_profile_get_tier (QaProfile *self,
                     guint      index)
{
  g_return_val_if_fail (QA_IS_PROFILE (self), NULL);
  g_return_val_if_fail (index < self->tiers->len, NULL);

  return &g_array_index (self->tiers, QaProfileTier, index);
}

const char *
qa_profile_tier_get_name (const QaProfileTier *tier)
{
  g_return_val_if_fail (tier != NULL, NULL);

  return _qa_prefer_chinese () ? tier->name_zh : tier->name_en;
}
