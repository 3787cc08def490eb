/* qa-shortlist-table.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The ranked candidate list of the shortlist page: rank, organisation, the scores of both
 * stages and the final one, each applicant's status as a chip with the reason beside it.
 */

#define G_LOG_DOMAIN "qa-shortlist-table"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-shortlist-table.h"
#include "qa-ui-private.h"

struct _QaShortlistTable
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkColumnView       *column_view;
  GtkColumnViewColumn *final_column;
  GtkColumnViewColumn *material_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *rank_column;
  GtkColumnViewColumn *site_column;
  GtkColumnViewColumn *status_column;
};

G_DEFINE_FINAL_TYPE (QaShortlistTable, qa_shortlist_table, GTK_TYPE_WIDGET)

static const char *
outcome_tone (QaOutcomeStatus status)
{
  switch (status)
    {
    case QA_OUTCOME_CANDIDATE:
      return "success";
    case QA_OUTCOME_NOMINEE:
      return "accent";
    case QA_OUTCOME_TIED:
      return "warning";
    case QA_OUTCOME_INELIGIBLE:
    case QA_OUTCOME_OBJECTION_UPHELD:
      return "error";
    case QA_OUTCOME_OVER_LIMIT:
    case QA_OUTCOME_BELOW_THRESHOLD:
    case QA_OUTCOME_NOT_SITE_REVIEWED:
    default:
      return "neutral";
    }
}

typedef enum
{
  CELL_RANK,
  CELL_NAME,
  CELL_MATERIAL,
  CELL_SITE,
  CELL_FINAL,
} CellKind;

static void
setup_text_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  data)
{
  CellKind kind = GPOINTER_TO_UINT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), kind == CELL_NAME ? 0.0 : 1.0);
  if (kind == CELL_NAME)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 14);
    }
  else
    {
      gtk_widget_add_css_class (label, "numeric");
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_text_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  data)
{
  QaShortlistItem *item = gtk_list_item_get_item (list_item);
  const QaShortlistRow *row = qa_shortlist_item_get_row (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  g_autofree char *text = NULL;

  switch ((CellKind)GPOINTER_TO_UINT (data))
    {
    case CELL_RANK:
      if (row->rank > 0)
        text = g_strdup_printf ("%u", row->rank);
      break;
    case CELL_NAME:
      text = g_strdup (row->name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), row->name);
      break;
    case CELL_MATERIAL:
      text = qa_shortlist_item_dup_material_score (item);
      break;
    case CELL_SITE:
      text = qa_shortlist_item_dup_site_score (item);
      break;
    case CELL_FINAL:
      text = qa_shortlist_item_dup_final_score (item);
      break;
    default:
      g_assert_not_reached ();
    }

  /* An em dash where there is nothing: not ranked, or no score at that stage. */
  gtk_label_set_label (label, text != NULL && *text != '\0' ? text : "—");
}

static void
setup_status_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *chip = gtk_label_new (NULL);
  GtkWidget *reason = gtk_label_new (NULL);

  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (reason), 0.0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (reason), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (reason, TRUE);
  gtk_widget_add_css_class (reason, "dim-label");
  gtk_box_append (GTK_BOX (box), chip);
  gtk_box_append (GTK_BOX (box), reason);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_status_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  data)
{
  const QaShortlistRow *row = qa_shortlist_item_get_row (gtk_list_item_get_item (list_item));
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *chip = gtk_widget_get_first_child (box);
  GtkWidget *reason = gtk_widget_get_next_sibling (chip);
  QaOutcomeStatus status = row->status;
  const char *classes[] = { "status-pill", outcome_tone (status), NULL };

  /* The chip's tone repeats what its words say; the words are what counts. */
  gtk_label_set_label (GTK_LABEL (chip), qa_outcome_status_get_label (status));
  gtk_widget_set_css_classes (chip, classes);
  gtk_label_set_label (GTK_LABEL (reason), row->reason);
  gtk_widget_set_tooltip_text (reason, row->article);
}

static void
qa_shortlist_table_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QA_TYPE_SHORTLIST_TABLE);
  _qa_ui_dispose_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (qa_shortlist_table_parent_class)->dispose (object);
}

static void
qa_shortlist_table_class_init (QaShortlistTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_shortlist_table_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-shortlist-table.ui");
  gtk_widget_class_bind_template_child (widget_class, QaShortlistTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistTable, final_column);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistTable, material_column);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistTable, name_column);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistTable, rank_column);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistTable, site_column);
  gtk_widget_class_bind_template_child (widget_class, QaShortlistTable, status_column);

  gtk_widget_class_set_css_name (widget_class, "shortlist-table");
}

static void
qa_shortlist_table_init (QaShortlistTable *self)
{
  static const struct { gsize offset; CellKind kind; } text_columns[] = {
    { G_STRUCT_OFFSET (QaShortlistTable, rank_column), CELL_RANK },
    { G_STRUCT_OFFSET (QaShortlistTable, name_column), CELL_NAME },
    { G_STRUCT_OFFSET (QaShortlistTable, material_column), CELL_MATERIAL },
    { G_STRUCT_OFFSET (QaShortlistTable, site_column), CELL_SITE },
    { G_STRUCT_OFFSET (QaShortlistTable, final_column), CELL_FINAL },
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (text_columns); i++)
    _qa_ui_column_set_factory (G_STRUCT_MEMBER (GtkColumnViewColumn *, self, text_columns[i].offset),
                               G_CALLBACK (setup_text_cb), G_CALLBACK (bind_text_cb),
                               GUINT_TO_POINTER (text_columns[i].kind));
  _qa_ui_column_set_factory (self->status_column, G_CALLBACK (setup_status_cb),
                             G_CALLBACK (bind_status_cb), NULL);
}

GtkWidget *
qa_shortlist_table_new (void)
{
  return g_object_new (QA_TYPE_SHORTLIST_TABLE, NULL);
}

void
qa_shortlist_table_set_rows (QaShortlistTable *self,
                             GListModel       *rows)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (QA_IS_SHORTLIST_TABLE (self));
  g_return_if_fail (G_IS_LIST_MODEL (rows));

  selection = gtk_no_selection_new (g_object_ref (rows));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}
