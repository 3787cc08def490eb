/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-applicant"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-applicant-private.h"

struct _QaApplicant
{
  GObject            parent_instance;

  char              *id;
  char              *name;
  char              *credit_code;
  char              *district;
  char              *founded;
  gboolean           legal_person;
  QaApplicantStatus  status;
  QaEligibility      eligibility;
  double             self_score;
};

G_DEFINE_FINAL_TYPE (QaApplicant, qa_applicant, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CREDIT_CODE,
  PROP_DISTRICT,
  PROP_STATUS_LABEL,
  PROP_ELIGIBILITY_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_names[] = {
  [QA_APPLICANT_STATUS_APPLIED] = "applied",
  [QA_APPLICANT_STATUS_ELIGIBLE] = "eligible",
  [QA_APPLICANT_STATUS_NOT_ACCEPTED] = "not_accepted",
  [QA_APPLICANT_STATUS_MATERIAL] = "material",
  [QA_APPLICANT_STATUS_SITE] = "site",
  [QA_APPLICANT_STATUS_NOT_ADVANCED] = "not_advanced",
  [QA_APPLICANT_STATUS_CANDIDATE] = "candidate",
  [QA_APPLICANT_STATUS_AWARDED] = "awarded",
  [QA_APPLICANT_STATUS_REVOKED] = "revoked",
};

static const char * const status_labels[] = {
  [QA_APPLICANT_STATUS_APPLIED] = N_("Applied"),
  [QA_APPLICANT_STATUS_ELIGIBLE] = N_("Eligible"),
  [QA_APPLICANT_STATUS_NOT_ACCEPTED] = N_("Not accepted"),
  [QA_APPLICANT_STATUS_MATERIAL] = N_("Material review"),
  [QA_APPLICANT_STATUS_SITE] = N_("Site review"),
  [QA_APPLICANT_STATUS_NOT_ADVANCED] = N_("Not advanced to site review"),
  [QA_APPLICANT_STATUS_CANDIDATE] = N_("Candidate"),
  [QA_APPLICANT_STATUS_AWARDED] = N_("Awarded"),
  [QA_APPLICANT_STATUS_REVOKED] = N_("Title revoked"),
};

static const char * const eligibility_names[] = {
  [QA_ELIGIBILITY_UNCHECKED] = "unchecked",
  [QA_ELIGIBILITY_ELIGIBLE] = "eligible",
  [QA_ELIGIBILITY_INELIGIBLE] = "ineligible",
  [QA_ELIGIBILITY_PENDING] = "pending",
};

static const char * const eligibility_labels[] = {
  [QA_ELIGIBILITY_UNCHECKED] = N_("Not checked"),
  [QA_ELIGIBILITY_ELIGIBLE] = N_("Eligible"),
  [QA_ELIGIBILITY_INELIGIBLE] = N_("Not eligible"),
  [QA_ELIGIBILITY_PENDING] = N_("Awaiting judgement"),
};

static gboolean
lookup_name (const char * const *names,
             guint               n_names,
             const char         *str,
             guint              *value)
{
  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_strcmp0 (names[i], str) == 0)
        {
          *value = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
qa_applicant_finalize (GObject *object)
{
  QaApplicant *self = (QaApplicant *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->credit_code, g_free);
  g_clear_pointer (&self->district, g_free);
  g_clear_pointer (&self->founded, g_free);

  G_OBJECT_CLASS (qa_applicant_parent_class)->finalize (object);
}

static void
qa_applicant_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  QaApplicant *self = QA_APPLICANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CREDIT_CODE:
      g_value_set_string (value, self->credit_code);
      break;

    case PROP_DISTRICT:
      g_value_set_string (value, self->district);
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, qa_applicant_status_get_label (self->status));
      break;

    case PROP_ELIGIBILITY_LABEL:
      g_value_set_string (value, qa_eligibility_get_label (self->eligibility));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_applicant_class_init (QaApplicantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qa_applicant_finalize;
  object_class->get_property = qa_applicant_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREDIT_CODE] =
    g_param_spec_string ("credit-code", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DISTRICT] =
    g_param_spec_string ("district", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ELIGIBILITY_LABEL] =
    g_param_spec_string ("eligibility-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qa_applicant_init (QaApplicant *self)
{
  self->self_score = -1;
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

QaApplicant *
_qa_applicant_new_from_row (sqlite3_stmt *stmt)
{
  QaApplicant *self = g_object_new (QA_TYPE_APPLICANT, NULL);
  guint value;

  self->id = dup_column_text (stmt, 0);
  self->name = dup_column_text (stmt, 1);
  self->credit_code = dup_column_text (stmt, 2);
  self->district = dup_column_text (stmt, 3);
  self->founded = dup_column_text (stmt, 4);
  self->legal_person = sqlite3_column_int (stmt, 5) != 0;
  if (qa_applicant_status_from_string ((const char *)sqlite3_column_text (stmt, 6),
                                       (QaApplicantStatus *)&value))
    self->status = value;
  if (qa_eligibility_from_string ((const char *)sqlite3_column_text (stmt, 7),
                                  (QaEligibility *)&value))
    self->eligibility = value;
  if (sqlite3_column_type (stmt, 8) != SQLITE_NULL)
    self->self_score = sqlite3_column_double (stmt, 8);

  return self;
}

const char *
qa_applicant_status_to_string (QaApplicantStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
qa_applicant_status_from_string (const char        *str,
                                 QaApplicantStatus *status)
{
  guint value;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!lookup_name (status_names, G_N_ELEMENTS (status_names), str, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

const char *
qa_applicant_status_get_label (QaApplicantStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_labels), NULL);

  return _(status_labels[status]);
}

const char *
qa_eligibility_to_string (QaEligibility eligibility)
{
  g_return_val_if_fail (eligibility < G_N_ELEMENTS (eligibility_names), NULL);

  return eligibility_names[eligibility];
}

gboolean
qa_eligibility_from_string (const char    *str,
                            QaEligibility *eligibility)
{
  guint value;

  g_return_val_if_fail (eligibility != NULL, FALSE);

  if (!lookup_name (eligibility_names, G_N_ELEMENTS (eligibility_names), str, &value))
    return FALSE;
  *eligibility = value;
  return TRUE;
}

const char *
qa_eligibility_get_label (QaEligibility eligibility)
{
  g_return_val_if_fail (eligibility < G_N_ELEMENTS (eligibility_labels), NULL);

  return _(eligibility_labels[eligibility]);
}

const char *
qa_applicant_get_id (QaApplicant *self)
{
  g_return_val_if_fail (QA_IS_APPLICANT (self), NULL);
  return self->id;
}

const char *
qa_applicant_get_name (QaApplicant *self)
{
  g_return_val_if_fail (QA_IS_APPLICANT (self), NULL);
  return self->name;
}

const char *
qa_applicant_get_credit_code (QaApplicant *self)
{
  g_return_val_if_fail (QA_IS_APPLICANT (self), NULL);
  return self->credit_code;
}

const char *
qa_applicant_get_district (QaApplicant *self)
{
  g_return_val_if_fail (QA_IS_APPLICANT (self), NULL);
  return self->district;
}

const char *
qa_applicant_get_founded (QaApplicant *self)
{
  g_return_val_if_fail (QA_IS_APPLICANT (self), NULL);
  return self->founded;
}

gboolean
qa_applicant_get_legal_person (QaApplicant *self)
{
  g_return_val_if_fail (QA_IS_APPLICANT (self), FALSE);
  return self->legal_person;
}

QaApplicantStatus
qa_applicant_get_status (QaApplicant *self)
{
  g_return_val_if_fail (QA_IS_APPLICANT (self), QA_APPLICANT_STATUS_APPLIED);
  return self->status;
}

QaEligibility
qa_applicant_get_eligibility (QaApplicant *self)
{
  g_return_val_if_fail (QA_IS_APPLICANT (self), QA_ELIGIBILITY_UNCHECKED);
  return self->eligibility;
}

double
qa_applicant_get_self_score (QaApplicant *self)
{
  g_return_val_if_fail (QA_IS_APPLICANT (self), -1);
  return self->self_score;
}
