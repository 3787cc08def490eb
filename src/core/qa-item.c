/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qa-criteria"

#include "config.h"

#include "qa-item.h"
#include "qa-xml-private.h"

struct _QaItem
{
  GObject     parent_instance;

  char       *code;
  char       *category_code;
  char       *name_zh;
  char       *name_en;
  char       *key_points_zh;
  char       *key_points_en;
  guint       points;
  QaItemKind  kind;
};

G_DEFINE_ENUM_TYPE (QaItemKind, qa_item_kind,
                    G_DEFINE_ENUM_VALUE (QA_ITEM_KIND_PROCESS, "process"),
                    G_DEFINE_ENUM_VALUE (QA_ITEM_KIND_RESULT, "result"))

G_DEFINE_FINAL_TYPE (QaItem, qa_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_CATEGORY_CODE,
  PROP_NAME,
  PROP_NAME_ZH,
  PROP_NAME_EN,
  PROP_POINTS,
  PROP_KIND,
  PROP_KEY_POINTS,
  PROP_KEY_POINTS_ZH,
  PROP_KEY_POINTS_EN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
qa_item_finalize (GObject *object)
{
  QaItem *self = QA_ITEM (object);

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->category_code, g_free);
  g_clear_pointer (&self->name_zh, g_free);
  g_clear_pointer (&self->name_en, g_free);
  g_clear_pointer (&self->key_points_zh, g_free);
  g_clear_pointer (&self->key_points_en, g_free);

  G_OBJECT_CLASS (qa_item_parent_class)->finalize (object);
}

static void
qa_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  QaItem *self = QA_ITEM (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;

    case PROP_CATEGORY_CODE:
      g_value_set_string (value, self->category_code);
      break;

    case PROP_NAME:
      g_value_set_string (value, qa_item_get_name (self));
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

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_KEY_POINTS:
      g_value_set_string (value, qa_item_get_key_points (self));
      break;

    case PROP_KEY_POINTS_ZH:
      g_value_set_string (value, self->key_points_zh);
      break;

    case PROP_KEY_POINTS_EN:
      g_value_set_string (value, self->key_points_en);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Only construct-only properties are writable: an item does not change once loaded. */
static void
qa_item_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  QaItem *self = QA_ITEM (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;

    case PROP_CATEGORY_CODE:
      self->category_code = g_value_dup_string (value);
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

    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_KEY_POINTS_ZH:
      self->key_points_zh = g_value_dup_string (value);
      break;

    case PROP_KEY_POINTS_EN:
      self->key_points_en = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_item_class_init (QaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                G_PARAM_STATIC_STRINGS;
  const GParamFlags derived = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = qa_item_finalize;
  object_class->get_property = qa_item_get_property;
  object_class->set_property = qa_item_set_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, construct);
  properties[PROP_CATEGORY_CODE] =
    g_param_spec_string ("category-code", NULL, NULL, NULL, construct);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, derived);
  properties[PROP_NAME_ZH] =
    g_param_spec_string ("name-zh", NULL, NULL, NULL, construct);
  properties[PROP_NAME_EN] =
    g_param_spec_string ("name-en", NULL, NULL, NULL, construct);
  properties[PROP_POINTS] =
    g_param_spec_uint ("points", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, QA_TYPE_ITEM_KIND, QA_ITEM_KIND_PROCESS, construct);
  properties[PROP_KEY_POINTS] =
    g_param_spec_string ("key-points", NULL, NULL, NULL, derived);
  properties[PROP_KEY_POINTS_ZH] =
    g_param_spec_string ("key-points-zh", NULL, NULL, NULL, construct);
  properties[PROP_KEY_POINTS_EN] =
    g_param_spec_string ("key-points-en", NULL, NULL, NULL, construct);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
qa_item_init (QaItem *self)
{
}

const char *
qa_item_kind_to_string (QaItemKind kind)
{
  switch (kind)
    {
    case QA_ITEM_KIND_PROCESS:
      return "process";

    case QA_ITEM_KIND_RESULT:
      return "result";

    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
qa_item_get_code (QaItem *self)
{
  g_return_val_if_fail (QA_IS_ITEM (self), NULL);

  return self->code;
}

const char *
qa_item_get_name (QaItem *self)
{
  g_return_val_if_fail (QA_IS_ITEM (self), NULL);

  return _qa_prefer_chinese () ? self->name_zh : self->name_en;
}

const char *
qa_item_get_name_zh (QaItem *self)
{
  g_return_val_if_fail (QA_IS_ITEM (self), NULL);

  return self->name_zh;
}

const char *
qa_item_get_name_en (QaItem *self)
{
  g_return_val_if_fail (QA_IS_ITEM (self), NULL);

  return self->name_en;
}

guint
qa_item_get_points (QaItem *self)
{
  g_return_val_if_fail (QA_IS_ITEM (self), 0);

  return self->points;
}

QaItemKind
qa_item_get_kind (QaItem *self)
{
  g_return_val_if_fail (QA_IS_ITEM (self), QA_ITEM_KIND_PROCESS);

  return self->kind;
}

const char *
qa_item_get_category_code (QaItem *self)
{
  g_return_val_if_fail (QA_IS_ITEM (self), NULL);

  return self->category_code;
}

const char *
qa_item_get_key_points (QaItem *self)
{
  g_return_val_if_fail (QA_IS_ITEM (self), NULL);

  return _qa_prefer_chinese () ? self->key_points_zh : self->key_points_en;
}

const char *
qa_item_get_key_points_zh (QaItem *self)
{
  g_return_val_if_fail (QA_IS_ITEM (self), NULL);

  return self->key_points_zh;
}

const char *
qa_item_get_key_points_en (QaItem *self)
{
  g_return_val_if_fail (QA_IS_ITEM (self), NULL);

  return self->key_points_en;
}
