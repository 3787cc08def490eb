/* qa-dossier-list.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-dossier-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "qa-dossier-list.h"
#include "qa-list-growth.h"
#include "qa-ui-private.h"

struct _QaDossierList
{
  GtkWidget            parent_instance;

  /* Owned */
  GListModel          *applicants;

  /* The session's list is being replaced, or the dossier shown is being selected: a change of
   * the selection is not the user choosing a row. */
  gboolean             syncing;

  /* Template widgets */
  GtkColumnView       *column_view;
  GtkLabel            *count_label;
  GtkFilterListModel  *filter_model;
  GtkStack            *list_stack;
  AdwStatusPage       *no_results_page;
  GtkColumnViewColumn *reference_column;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *credit_code_column;
  GtkColumnViewColumn *district_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *eligibility_column;
  GtkSearchEntry      *search_entry;
  GtkSingleSelection  *selection;
  GtkSliceListModel   *shown_model;
  GtkSortListModel    *sort_model;
  GtkStringFilter     *string_filter;
};

G_DEFINE_FINAL_TYPE (QaDossierList, qa_dossier_list, GTK_TYPE_WIDGET)

enum {
  APPLICANT_SELECTED,
  APPLICANT_ACTIVATED,
  RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the search matches: reference, name and credit code. */
static char *
applicant_search_text (QaApplicant *applicant)
{
  if (applicant == NULL)
    return NULL;

  return g_strjoin ("\n",
                    qa_applicant_get_id (applicant),
                    qa_applicant_get_name (applicant),
                    qa_applicant_get_credit_code (applicant),
                    NULL);
}

/* Sorts the status column in the order of the procedure, not alphabetically. */
static guint
applicant_status_rank (QaApplicant *applicant)
{
  return applicant != NULL ? qa_applicant_get_status (applicant) : 0;
}

static guint
applicant_eligibility_rank (QaApplicant *applicant)
{
  return applicant != NULL ? qa_applicant_get_eligibility (applicant) : 0;
}

/* References are codes (A01, B00001), in the order the session lists them (SQLite's ORDER BY
 * id, byte order): comparing the bytes keeps that order and spares the list, sorted by
 * reference at start-up, a collation key per applicant. */
static int
compare_references (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  return strcmp (qa_applicant_get_id ((QaApplicant *)a), qa_applicant_get_id ((QaApplicant *)b));
}

/* The cells ----------------------------------------------------------------------------------- */

/* Made in code, not by a builder factory, which parsed its XML again for every cell: with a
 * 200-applicant list that was 1,200 parses, a seventh of the start-up. */
typedef enum
{
  CELL_REFERENCE,
  CELL_NAME,
  CELL_CREDIT_CODE,
  CELL_DISTRICT,
  CELL_STATUS,
  CELL_ELIGIBILITY,
} CellKind;

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  CellKind kind = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *box;

  gtk_label_set_ellipsize (GTK_LABEL (label), kind == CELL_CREDIT_CODE ? PANGO_ELLIPSIZE_NONE : PANGO_ELLIPSIZE_END);
  switch (kind)
    {
    case CELL_STATUS:
    case CELL_ELIGIBILITY:
      /* A chip (status) or an icon and its words (eligibility), as wide as they are. */
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, kind == CELL_ELIGIBILITY ? 6 : 0);
      if (kind == CELL_ELIGIBILITY)
        gtk_box_append (GTK_BOX (box), gtk_image_new ());
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (item, box);
      return;

    case CELL_REFERENCE:
      gtk_widget_add_css_class (label, "numeric");
      break;

    case CELL_CREDIT_CODE:
      gtk_widget_add_css_class (label, "monospace");
      break;

    case CELL_NAME:
    case CELL_DISTRICT:
      _qa_ui_label_tooltip_when_ellipsized (GTK_LABEL (label));
      break;

    default:
      break;
    }

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

/* The value a cell last styled itself for, plus one (0: none yet). Changing a widget's style
 * classes restyles it even when they are the same, and a scrolled list binds rows every frame. */
static GQuark styled_quark;

static gboolean
cell_restyle (GtkWidget *widget,
              guint      value)
{
  if (GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (widget), styled_quark)) == value + 1)
    return FALSE;
  g_object_set_qdata (G_OBJECT (widget), styled_quark, GUINT_TO_POINTER (value + 1));
  return TRUE;
}

/* An applicant does not change: the session replaces it, and the row is bound again. The
 * tooltips of the names are asked for when shown (see the set-up), not set here: setting one
 * makes GTK look again for the widget under the pointer, a pick per cell on every frame. */
static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  data)
{
  CellKind kind = GPOINTER_TO_INT (data);
  QaApplicant *applicant = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = GTK_IS_LABEL (child) ? child : gtk_widget_get_last_child (child);
  QaApplicantStatus status;
  QaEligibility eligibility;

  switch (kind)
    {
    case CELL_REFERENCE:
      gtk_label_set_label (GTK_LABEL (label), qa_applicant_get_id (applicant));
      break;

    case CELL_NAME:
      gtk_label_set_label (GTK_LABEL (label), qa_applicant_get_name (applicant));
      break;

    case CELL_CREDIT_CODE:
      gtk_label_set_label (GTK_LABEL (label), qa_applicant_get_credit_code (applicant));
      break;

    case CELL_DISTRICT:
      gtk_label_set_label (GTK_LABEL (label), qa_applicant_get_district (applicant));
      break;

    case CELL_STATUS:
      status = qa_applicant_get_status (applicant);
      gtk_label_set_label (GTK_LABEL (label), qa_applicant_status_get_label (status));
      if (cell_restyle (label, status))
        {
          g_auto(GStrv) classes = _qa_ui_dup_status_classes (status);

          gtk_widget_set_css_classes (label, (const char **)classes);
        }
      break;

    case CELL_ELIGIBILITY:
    default:
      eligibility = qa_applicant_get_eligibility (applicant);
      gtk_label_set_label (GTK_LABEL (label), qa_eligibility_get_label (eligibility));
      if (cell_restyle (child, eligibility))
        {
          gtk_widget_set_css_classes (child, (const char *[]) { _qa_ui_eligibility_style (eligibility), NULL });
          gtk_image_set_from_icon_name (GTK_IMAGE (gtk_widget_get_first_child (child)),
                                        _qa_ui_eligibility_icon_name (eligibility));
        }
      break;
    }
}

/* State ---------------------------------------------------------------------------------------- */

static void
update_state (QaDossierList *self)
{
  g_autofree char *count = NULL;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint total = self->applicants != NULL ? g_list_model_get_n_items (self->applicants) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "rows" : "no-results");

  if (search[0] == '\0')
    {
      count = g_strdup_printf (ngettext ("%u applicant", "%u applicants", total), total);
    }
  else
    {
      g_autofree char *description = NULL;

      count = g_strdup_printf (ngettext ("%1$u of %2$u applicant",
                                         "%1$u of %2$u applicants",
                                         total),
                               shown, total);
      /* Translators: %s is what the user searched for */
      description = g_markup_printf_escaped (_("No applicant’s name, reference or credit code "
                                               "contains “%s”."),
                                             search);
      adw_status_page_set_description (self->no_results_page, description);
    }

  gtk_label_set_label (self->count_label, count);
}

static void
filter_items_changed_cb (QaDossierList *self,
                         guint          position,
                         guint          removed,
                         guint          added,
                         GListModel    *model)
{
  g_assert (QA_IS_DOSSIER_LIST (self));

  update_state (self);
}

static void
search_changed_cb (QaDossierList  *self,
                   GtkSearchEntry *entry)
{
  g_assert (QA_IS_DOSSIER_LIST (self));
  g_assert (GTK_IS_SEARCH_ENTRY (entry));

  gtk_string_filter_set_search (self->string_filter,
                                gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_state (self);
}

/* Selection and activation --------------------------------------------------------------------- */

static void
selection_changed_cb (QaDossierList      *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  QaApplicant *applicant;

  g_assert (QA_IS_DOSSIER_LIST (self));

  /* A row hidden by the search leaves its dossier where it is. */
  if (self->syncing || (applicant = gtk_single_selection_get_selected_item (selection)) == NULL)
    return;

  g_signal_emit (self, signals[APPLICANT_SELECTED], 0, applicant);
}

static void
emit_activated (QaDossierList *self)
{
  QaApplicant *applicant = gtk_single_selection_get_selected_item (self->selection);

  if (applicant != NULL)
    g_signal_emit (self, signals[APPLICANT_ACTIVATED], 0, applicant);
}

/* Enter or a double click on a row. */
static void
row_activated_cb (QaDossierList *self,
                  guint          position,
                  GtkColumnView *column_view)
{
  g_assert (QA_IS_DOSSIER_LIST (self));

  emit_activated (self);
}

/* A click on a row (not on a heading) opens it too, once the row has selected it: what a
 * folded page needs, where the dossier is shown instead of the list. */
static void
click_released_cb (QaDossierList   *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);

  g_assert (QA_IS_DOSSIER_LIST (self));

  if (n_press != 1)
    return;
  for (; picked != NULL && picked != GTK_WIDGET (self->column_view);
       picked = gtk_widget_get_parent (picked))
    if (g_strcmp0 (gtk_widget_get_css_name (picked), "row") == 0)
      {
        emit_activated (self);
        return;
      }
}

static void
applicants_changing_cb (QaDossierList *self)
{
  self->syncing = TRUE;
}

/* The session's list was read again: its rows are new objects. */
static void
applicants_changed_cb (QaDossierList *self)
{
  g_signal_emit (self, signals[RELOADED], 0);
  self->syncing = FALSE;
  update_state (self);
}

/* ---------------------------------------------------------------------------------------------- */

static void
qa_dossier_list_dispose (GObject *object)
{
  QaDossierList *self = (QaDossierList *)object;

  if (self->applicants != NULL)
    g_signal_handlers_disconnect_by_data (self->applicants, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_DOSSIER_LIST);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->applicants);

  G_OBJECT_CLASS (qa_dossier_list_parent_class)->dispose (object);
}

static void
qa_dossier_list_class_init (QaDossierListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_dossier_list_dispose;

  signals[APPLICANT_SELECTED] =
    g_signal_new ("applicant-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, QA_TYPE_APPLICANT);
  signals[APPLICANT_ACTIVATED] =
    g_signal_new ("applicant-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, QA_TYPE_APPLICANT);
  signals[RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (QA_TYPE_APPLICANT);
  styled_quark = g_quark_from_static_string ("qa-dossier-list-styled");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-dossier-list.ui");
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, count_label);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, filter_model);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, list_stack);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, reference_column);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, name_column);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, credit_code_column);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, district_column);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, status_column);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, eligibility_column);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, selection);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, shown_model);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, sort_model);
  gtk_widget_class_bind_template_child (widget_class, QaDossierList, string_filter);
  gtk_widget_class_bind_template_callback (widget_class, applicant_eligibility_rank);
  gtk_widget_class_bind_template_callback (widget_class, applicant_search_text);
  gtk_widget_class_bind_template_callback (widget_class, applicant_status_rank);
  gtk_widget_class_bind_template_callback (widget_class, click_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "stop_search_cb",
                                                G_CALLBACK (_qa_ui_stop_search_cb));

  gtk_widget_class_set_css_name (widget_class, "dossier-list");
}

static void
qa_dossier_list_init (QaDossierList *self)
{
  static const struct { gsize offset; CellKind kind; } columns[] = {
    { G_STRUCT_OFFSET (QaDossierList, reference_column), CELL_REFERENCE },
    { G_STRUCT_OFFSET (QaDossierList, name_column), CELL_NAME },
    { G_STRUCT_OFFSET (QaDossierList, credit_code_column), CELL_CREDIT_CODE },
    { G_STRUCT_OFFSET (QaDossierList, district_column), CELL_DISTRICT },
    { G_STRUCT_OFFSET (QaDossierList, status_column), CELL_STATUS },
    { G_STRUCT_OFFSET (QaDossierList, eligibility_column), CELL_ELIGIBILITY },
  };
  g_autoptr(GtkCustomSorter) by_reference = gtk_custom_sorter_new (compare_references, NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    _qa_ui_column_set_factory (G_STRUCT_MEMBER (GtkColumnViewColumn *, self, columns[i].offset),
                               G_CALLBACK (cell_setup_cb), G_CALLBACK (cell_bind_cb),
                               GINT_TO_POINTER (columns[i].kind));
  gtk_column_view_column_set_sorter (self->reference_column, GTK_SORTER (by_reference));
  gtk_column_view_sort_by_column (self->column_view, self->reference_column, GTK_SORT_ASCENDING);
  update_state (self);
}

GtkWidget *
qa_dossier_list_new (void)
{
  return g_object_new (QA_TYPE_DOSSIER_LIST, NULL);
}

void
qa_dossier_list_set_applicants (QaDossierList *self,
                                GListModel    *applicants)
{
  g_return_if_fail (QA_IS_DOSSIER_LIST (self));
  g_return_if_fail (!applicants || G_IS_LIST_MODEL (applicants));

  if (self->applicants == applicants)
    return;

  if (self->applicants != NULL)
    g_signal_handlers_disconnect_by_data (self->applicants, self);
  g_set_object (&self->applicants, applicants);

  /* Around the list models' own handlers: before them, so a reload does not read as the
   * user choosing another row; after them, to select again the dossier shown. */
  if (applicants != NULL)
    g_signal_connect_swapped (applicants, "items-changed",
                              G_CALLBACK (applicants_changing_cb), self);
  self->syncing = TRUE;
  _qa_list_growth_start (GTK_WIDGET (self->column_view), self->shown_model);
  gtk_filter_list_model_set_model (self->filter_model, applicants);
  self->syncing = FALSE;
  if (applicants != NULL)
    g_signal_connect_data (applicants, "items-changed", G_CALLBACK (applicants_changed_cb), self,
                           NULL, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update_state (self);
}

void
qa_dossier_list_select (QaDossierList *self,
                        const char    *id)
{
  GListModel *rows;
  gboolean was_syncing;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (QA_IS_DOSSIER_LIST (self));

  /* The row of @id in the whole sorted list, the part not shown yet included (it then is). */
  rows = G_LIST_MODEL (self->sort_model);
  for (guint i = 0; id != NULL && i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (rows, i);

      if (g_strcmp0 (qa_applicant_get_id (applicant), id) == 0)
        {
          if (i >= gtk_slice_list_model_get_size (self->shown_model))
            _qa_list_growth_finish (GTK_WIDGET (self->column_view));
          position = i;
          break;
        }
    }

  was_syncing = self->syncing;
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = was_syncing;
}

GtkSelectionModel *
qa_dossier_list_get_model (QaDossierList *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_LIST (self), NULL);

  _qa_list_growth_finish (GTK_WIDGET (self->column_view));
  return GTK_SELECTION_MODEL (self->selection);
}

guint
qa_dossier_list_get_n_shown (QaDossierList *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_LIST (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
}

QaApplicant *
qa_dossier_list_dup_selected_or_first (QaDossierList *self)
{
  QaApplicant *selected;

  g_return_val_if_fail (QA_IS_DOSSIER_LIST (self), NULL);

  if ((selected = gtk_single_selection_get_selected_item (self->selection)) != NULL)
    return g_object_ref (selected);
  /* The first row is shown from the first frame: no need to grow the list for it. */
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0
           ? g_list_model_get_item (G_LIST_MODEL (self->selection), 0) : NULL;
}

GtkEditable *
qa_dossier_list_get_search_entry (QaDossierList *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_LIST (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

void
qa_dossier_list_focus_search (QaDossierList *self)
{
  g_return_if_fail (QA_IS_DOSSIER_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
