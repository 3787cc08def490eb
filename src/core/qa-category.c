/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qa-criteria"

#include "config.h"

#include "qa-category.h"
#include "qa-xml-private.h"

struct _QaCategory
{
  GObject     parent_instance;

  char       *code;
  char       *name_zh;
  char       *name_en;
  GListModel *items;
  guint       points;
};

G_DEFINE_FINAL_TYPE (QaCategory, qa_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  PROP_NAME_ZH,
  PROP_NAME_EN,
  PROP_POINTS,
  PROP_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qa_category_dispose (GObject *object)
{
  QaCategory *self = QA_CATEGORY (object);

  g_clear_object (&self->items);

  G_OBJECT_CLASS (qa_category_parent_class)->dispose (object);
}

static void
qa_category_finalize (GObject *object)
{
  QaCategory *self = QA_CATEGORY (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name_zh, g_free);
  g_clear_pointer (&self->name_en, g_free);

  G_OBJECT_CLASS (qa_category_parent_class)->finalize (object);
}

static void
qa_category_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  QaCategory *self = QA_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_NAME:
      g_value_set_string (value, qa_category_get_name (self));
      break;

    case PROP_NAME_ZH:
      g_value_set_string (value, self->name_zh);
      break;

    case PROP_NAME_EN:
      g_value_set_string (value, self->name_en);
      break;

    case PROP_POINTS:
      g_value_set_uint (value, self->points);
      break;

    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Only construct-only properties are writable: a category does not change once loaded. */
static void
qa_category_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  QaCategory *self = QA_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;

    case PROP_NAME_ZH:
      self->name_zh = g_value_dup_string (value);
      break;

    case PROP_NAME_EN:
      self->name_en = g_value_dup_string (value);
      break;

    case PROP_POINTS:
      self->points = g_value_get_uint (value);
      break;

    case PROP_ITEMS:
      self->items = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_category_constructed (GObject *object)
{
  QaCategory *self = QA_CATEGORY (object);

  G_OBJECT_CLASS (qa_category_parent_class)->constructed (object);

  if (self->items == NULL)
    self->items = G_LIST_MODEL (g_list_store_new (QA_TYPE_ITEM));
}

static void
qa_category_class_init (QaCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                G_PARAM_STATIC_STRINGS;

  object_class->constructed = qa_category_constructed;
  object_class->dispose = qa_category_dispose;
  object_class->finalize = qa_category_finalize;
  object_class->get_property = qa_category_get_property;
  object_class->set_property = qa_category_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, construct);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME_ZH] =
    g_param_spec_string ("name-zh", NULL, NULL, NULL, construct);
  properties[PROP_NAME_EN] =
    g_param_spec_string ("name-en", NULL, NULL, NULL, construct);
  properties[PROP_POINTS] =
    g_param_spec_uint ("points", NULL, NULL, 0, G_MAXUINT, 0, construct);
  /* The category's QaItems, in clause order. */
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL, construct);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qa_category_init (QaCategory *self)
{
}

const char *
qa_category_get_code (QaCategory *self)
{
  g_return_val_if_fail (QA_IS_CATEGORY (self), NULL);

  return self->code;
}

const char *
qa_category_get_name (QaCategory *self)
{
  g_return_val_if_fail (QA_IS_CATEGORY (self), NULL);

  return _qa_prefer_chinese () ? self->name_zh : self->name_en;
}

const char *
qa_category_get_name_zh (QaCategory *self)
{
  g_return_val_if_fail (QA_IS_CATEGORY (self), NULL);

  return self->name_zh;
}

const char *
qa_category_get_name_en (QaCategory *self)
{
  g_return_val_if_fail (QA_IS_CATEGORY (self), NULL);

  return self->name_en;
}

guint
qa_category_get_points (QaCategory *self)
{
  g_return_val_if_fail (QA_IS_CATEGORY (self), 0);

  return self->points;
}

GListModel *
qa_category_get_items (QaCategory *self)
{
  g_return_val_if_fail (QA_IS_CATEGORY (self), NULL);

  return self->items;
}
