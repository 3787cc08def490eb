/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "qa-outcome-model"

#include "config.h"

#include "qa-outcome-model.h"

struct _QaShortlistItem
{
  GObject          parent_instance;

  char            *id;
  char            *name;
  guint            rank;
  char            *material;
  char            *site;
  char            *final;
  QaOutcomeStatus  status;
  char            *reason;
  char            *article;
};

G_DEFINE_FINAL_TYPE (QaShortlistItem, qa_shortlist_item, G_TYPE_OBJECT)

static void
qa_shortlist_item_finalize (GObject *object)
{
  QaShortlistItem *self = QA_SHORTLIST_ITEM (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->material);
  g_free (self->site);
  g_free (self->final);
  g_free (self->reason);
  g_free (self->article);

  G_OBJECT_CLASS (qa_shortlist_item_parent_class)->finalize (object);
}

static void
qa_shortlist_item_class_init (QaShortlistItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qa_shortlist_item_finalize;
}

static void
qa_shortlist_item_init (QaShortlistItem *self)
{
}

QaShortlistItem *
qa_shortlist_item_new (const QaShortlistRow *row)
{
  QaShortlistItem *self;

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (QA_TYPE_SHORTLIST_ITEM, NULL);
  self->id = g_strdup (row->applicant_id);
  self->name = g_strdup (row->name);
  self->rank = row->rank;
  self->material = row->has_material ? qa_rules_format_score_x100 (row->material_x100) : NULL;
  self->site = row->has_site ? qa_rules_format_score_x100 (row->site_x100) : NULL;
  self->final = row->has_final ? qa_rules_format_final (row->final_x100000) : NULL;
  self->status = row->status;
  self->reason = g_strdup (row->reason);
  self->article = g_strdup (row->article);

  return self;
}

const char *
qa_shortlist_item_get_id (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), NULL);
  return self->id;
}

const char *
qa_shortlist_item_get_name (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), NULL);
  return self->name;
}

guint
qa_shortlist_item_get_rank (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), 0);
  return self->rank;
}

const char *
qa_shortlist_item_get_material (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), NULL);
  return self->material;
}

const char *
qa_shortlist_item_get_site (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), NULL);
  return self->site;
}

const char *
qa_shortlist_item_get_final (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), NULL);
  return self->final;
}

QaOutcomeStatus
qa_shortlist_item_get_status (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), QA_OUTCOME_INELIGIBLE);
  return self->status;
}

const char *
qa_shortlist_item_get_reason (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), NULL);
  return self->reason;
}

const char *
qa_shortlist_item_get_article (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), NULL);
  return self->article;
}

gboolean
qa_shortlist_item_is_listed (QaShortlistItem *self)
{
  g_return_val_if_fail (QA_IS_SHORTLIST_ITEM (self), FALSE);
  return self->status == QA_OUTCOME_CANDIDATE || self->status == QA_OUTCOME_NOMINEE;
}

GListModel *
qa_outcome_model_new_shortlist (const QaShortlistResult *result)
{
  GListStore *store = g_list_store_new (QA_TYPE_SHORTLIST_ITEM);

  g_return_val_if_fail (result != NULL, G_LIST_MODEL (store));

  for (guint i = 0; i < result->rows->len; i++)
    {
      g_autoptr(QaShortlistItem) item = qa_shortlist_item_new (g_ptr_array_index (result->rows, i));

      g_list_store_append (store, item);
    }

  return G_LIST_MODEL (store);
}
