/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-expert"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-expert-private.h"
#include "qa-experts.h"

struct _QaExpert
{
  GObject         parent_instance;

  char           *id;
  char           *name;
  char           *employer;
  char           *employer_credit_code;
  char           *title;
  char           *specialty;
  char           *contact;
  guint           experience_years;
  gboolean        trained;
  gboolean        ethics;
  char           *ethics_date;
  QaExpertStatus  status;
  char           *status_reason;
  char           *status_date;
  char           *declared_at;
  QaPanelRole     material_role;
  QaPanelRole     site_role;
};

G_DEFINE_FINAL_TYPE (QaExpert, qa_expert, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_EMPLOYER,
  PROP_TITLE,
  PROP_SPECIALTY,
  PROP_EXPERIENCE_YEARS,
  PROP_TRAINED,
  PROP_ETHICS,
  PROP_DECLARED,
  PROP_STATUS_LABEL,
  PROP_STATUS_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_names[] = {
  [QA_EXPERT_STATUS_ACTIVE] = "active",
  [QA_EXPERT_STATUS_SUSPENDED] = "suspended",
  [QA_EXPERT_STATUS_DISQUALIFIED] = "disqualified",
};

static const char * const status_labels[] = {
  [QA_EXPERT_STATUS_ACTIVE] = N_("Active"),
  [QA_EXPERT_STATUS_SUSPENDED] = N_("Suspended"),
  [QA_EXPERT_STATUS_DISQUALIFIED] = N_("Disqualified"),
};

static const char * const panel_role_labels[] = {
  [QA_PANEL_ROLE_NONE] = N_("Not on the panel"),
  [QA_PANEL_ROLE_MEMBER] = N_("Member"),
  [QA_PANEL_ROLE_CHAIR] = N_("Chair"),
  [QA_PANEL_ROLE_ALTERNATE] = N_("Alternate"),
};

static void
qa_expert_finalize (GObject *object)
{
  QaExpert *self = (QaExpert *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->employer, g_free);
  g_clear_pointer (&self->employer_credit_code, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->specialty, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->ethics_date, g_free);
  g_clear_pointer (&self->status_reason, g_free);
  g_clear_pointer (&self->status_date, g_free);
  g_clear_pointer (&self->declared_at, g_free);

  G_OBJECT_CLASS (qa_expert_parent_class)->finalize (object);
}

static void
qa_expert_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  QaExpert *self = QA_EXPERT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_EMPLOYER:
      g_value_set_string (value, self->employer);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SPECIALTY:
      g_value_set_string (value, self->specialty);
      break;

    case PROP_EXPERIENCE_YEARS:
      g_value_set_uint (value, self->experience_years);
      break;

    case PROP_TRAINED:
      g_value_set_boolean (value, self->trained);
      break;

    case PROP_ETHICS:
      g_value_set_boolean (value, self->ethics);
      break;

    case PROP_DECLARED:
      g_value_set_boolean (value, self->declared_at != NULL);
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, qa_expert_status_get_label (self->status));
      break;

    case PROP_STATUS_REASON:
      g_value_set_string (value, self->status_reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_expert_class_init (QaExpertClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qa_expert_finalize;
  object_class->get_property = qa_expert_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_EMPLOYER] =
    g_param_spec_string ("employer", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SPECIALTY] =
    g_param_spec_string ("specialty", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_EXPERIENCE_YEARS] =
    g_param_spec_uint ("experience-years", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TRAINED] =
    g_param_spec_boolean ("trained", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ETHICS] =
    g_param_spec_boolean ("ethics", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DECLARED] =
    g_param_spec_boolean ("declared", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS_REASON] =
    g_param_spec_string ("status-reason", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qa_expert_init (QaExpert *self)
{
}

static char *
dup_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

static QaPanelRole
panel_role_from_string (const char *role)
{
  if (g_strcmp0 (role, "chair") == 0)
    return QA_PANEL_ROLE_CHAIR;
  if (g_strcmp0 (role, "member") == 0)
    return QA_PANEL_ROLE_MEMBER;
  if (g_strcmp0 (role, "alternate") == 0)
    return QA_PANEL_ROLE_ALTERNATE;
  return QA_PANEL_ROLE_NONE;
}

QaExpert *
_qa_expert_new_from_row (sqlite3_stmt *stmt)
{
  QaExpert *self = g_object_new (QA_TYPE_EXPERT, NULL);
  QaExpertStatus status = QA_EXPERT_STATUS_ACTIVE;

  self->id = dup_column_text (stmt, 0);
  self->name = dup_column_text (stmt, 1);
  self->employer = dup_column_text (stmt, 2);
  self->employer_credit_code = dup_column_text (stmt, 3);
  self->title = dup_column_text (stmt, 4);
  self->specialty = dup_column_text (stmt, 5);
  self->contact = dup_column_text (stmt, 6);
  self->experience_years = (guint)MAX (sqlite3_column_int (stmt, 7), 0);
  self->trained = sqlite3_column_int (stmt, 8) != 0;
  self->ethics = sqlite3_column_int (stmt, 9) != 0;
  self->ethics_date = dup_column_text (stmt, 10);
  qa_expert_status_from_string ((const char *)sqlite3_column_text (stmt, 11), &status);
  self->status = status;
  self->status_reason = dup_column_text (stmt, 12);
  self->status_date = dup_column_text (stmt, 13);
  self->declared_at = dup_column_text (stmt, 14);
  self->material_role = panel_role_from_string ((const char *)sqlite3_column_text (stmt, 15));
  self->site_role = panel_role_from_string ((const char *)sqlite3_column_text (stmt, 16));

  return self;
}

const char *
qa_expert_status_to_string (QaExpertStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_names), NULL);

  return status_names[status];
}

gboolean
_qa_expert_lookup_name (const char * const *names,
                        guint               n_names,
                        const char         *str,
                        guint              *value)
{
  for (guint i = 0; str != NULL && i < n_names; i++)
    {
      if (g_strcmp0 (names[i], str) == 0)
        {
          *value = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
qa_expert_status_from_string (const char     *str,
                              QaExpertStatus *status)
{
  guint value;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!_qa_expert_lookup_name (status_names, G_N_ELEMENTS (status_names), str, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

const char *
qa_expert_status_get_label (QaExpertStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_labels), NULL);

  return _(status_labels[status]);
}

const char *
qa_panel_role_get_label (QaPanelRole role)
{
  g_return_val_if_fail (role < G_N_ELEMENTS (panel_role_labels), NULL);

  return _(panel_role_labels[role]);
}

const char *
qa_expert_get_id (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), NULL);
  return self->id;
}

const char *
qa_expert_get_name (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), NULL);
  return self->name;
}

const char *
qa_expert_get_employer (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), NULL);
  return self->employer;
}

const char *
qa_expert_get_employer_credit_code (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), NULL);
  return self->employer_credit_code;
}

const char *
qa_expert_get_title (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), NULL);
  return self->title;
}

const char *
qa_expert_get_specialty (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), NULL);
  return self->specialty;
}

const char *
qa_expert_get_contact (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), NULL);
  return self->contact;
}

guint
qa_expert_get_experience_years (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), 0);
  return self->experience_years;
}

gboolean
qa_expert_get_trained (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), FALSE);
  return self->trained;
}

gboolean
qa_expert_get_ethics (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), FALSE);
  return self->ethics;
}

const char *
qa_expert_get_ethics_date (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), NULL);
  return self->ethics_date;
}

QaExpertStatus
qa_expert_get_status (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), QA_EXPERT_STATUS_ACTIVE);
  return self->status;
}

const char *
qa_expert_get_status_reason (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), NULL);
  return self->status_reason;
}

const char *
qa_expert_get_status_date (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), NULL);
  return self->status_date;
}

gboolean
qa_expert_get_declared (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), FALSE);
  return self->declared_at != NULL;
}

const char *
qa_expert_get_declared_at (QaExpert *self)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), NULL);
  return self->declared_at;
}

QaPanelRole
qa_expert_get_panel_role (QaExpert *self,
                          QaStage   stage)
{
  g_return_val_if_fail (QA_IS_EXPERT (self), QA_PANEL_ROLE_NONE);

  switch (stage)
    {
    case QA_STAGE_MATERIAL:
      return self->material_role;
    case QA_STAGE_SITE:
      return self->site_role;
    case QA_STAGE_APPLICATION:
    case QA_STAGE_ELIGIBILITY:
    case QA_STAGE_COMPREHENSIVE:
    case QA_STAGE_NOTICE:
    case QA_STAGE_AWARD:
    default:
      return QA_PANEL_ROLE_NONE;
    }
}

void
qa_expert_get_panel_facts (QaExpert           *self,
                           QaPanelMemberFacts *facts)
{
  g_return_if_fail (QA_IS_EXPERT (self));
  g_return_if_fail (facts != NULL);

  facts->id = self->id;
  facts->name = self->name;
  facts->experience_years = self->experience_years;
  facts->trained = self->trained;
  facts->ethics = self->ethics;
  facts->declared = self->declared_at != NULL;
  facts->status = self->status;
  facts->status_reason = self->status_reason;
  facts->status_date = self->status_date;
}
