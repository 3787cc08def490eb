/* qa-scoring-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-scoring-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-exchange-private.h"
#include "qa-package-export-dialog.h"
#include "qa-scoring-view.h"
#include "qa-sheet-import-dialog.h"
#include "qa-ui-private.h"

/* In a session database the view shows the criteria and their guidance, read-only; in a
 * reviewer's package it is the reviewer's scoring sheet beside the applicant's materials. */
struct _QaScoringView
{
  GtkWidget           parent_instance;

  /* Owned */
  QaSession          *session;
  GSimpleActionGroup *actions;
  /* The reviewer's sheet of each assigned applicant (QaScoreSheet), in a review package. */
  GListStore         *sheets;
  /* applicant id → the clause last worked on */
  GHashTable         *last_items;
  char               *title;
  char               *subtitle;
  gboolean            show_materials;
  QaRole              role;

  /* Template widgets */
  GtkDropDown        *applicant_drop_down;
  GtkLabel           *category_facts_label;
  GtkBox             *category_items_box;
  GtkLabel           *category_title_label;
  QaItemGuide        *criteria_guide;
  GtkColumnView      *column_view;
  GtkStack           *detail_stack;
  QaMaterialReader   *material_reader;
  GtkStack           *mode_stack;
  GtkLevelBar        *progress_bar;
  GtkLabel           *progress_label;
  GtkSingleSelection *selection;
  QaScoreSheetEditor *sheet_editor;
  GtkLabel           *summary_label;
  GtkLabel           *title_label;
  AdwToastOverlay    *toast_overlay;
  GtkLabel           *total_label;
  GtkLabel           *total_points_label;
};

G_DEFINE_FINAL_TYPE (QaScoringView, qa_scoring_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SHOW_MATERIALS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListModel *
create_item_model (gpointer item,
                   gpointer user_data)
{
  if (QA_IS_CATEGORY (item))
    return g_object_ref (qa_category_get_items (QA_CATEGORY (item)));

  return NULL;
}

static char *
row_code (gpointer        this_object,
          GtkTreeListRow *row)
{
  g_autoptr(GObject) item = NULL;

  if (row == NULL || !(item = gtk_tree_list_row_get_item (row)))
    return NULL;

  if (QA_IS_CATEGORY (item))
    return g_strdup (qa_category_get_code (QA_CATEGORY (item)));
  else
    return g_strdup (qa_item_get_code (QA_ITEM (item)));
}

static char *
row_name (gpointer        this_object,
          GtkTreeListRow *row)
{
  g_autoptr(GObject) item = NULL;

  if (row == NULL || !(item = gtk_tree_list_row_get_item (row)))
    return NULL;

  if (QA_IS_CATEGORY (item))
    return g_strdup (qa_category_get_name (QA_CATEGORY (item)));
  else
    return g_strdup (qa_item_get_name (QA_ITEM (item)));
}

static char *
row_points (gpointer        this_object,
            GtkTreeListRow *row)
{
  g_autoptr(GObject) item = NULL;

  if (row == NULL || !(item = gtk_tree_list_row_get_item (row)))
    return NULL;

  if (QA_IS_CATEGORY (item))
    return g_strdup_printf ("%u", qa_category_get_points (QA_CATEGORY (item)));
  else
    return g_strdup_printf ("%u", qa_item_get_points (QA_ITEM (item)));
}

static const char *
kind_label (QaItemKind kind)
{
  if (kind == QA_ITEM_KIND_RESULT)
    /* Translators: a GB/T 19580 item judged by its outcomes (结果) */
    return C_("item kind", "Result");

  /* Translators: a GB/T 19580 item judged by its methods (过程) */
  return C_("item kind", "Process");
}

static char *
row_kind (gpointer        this_object,
          GtkTreeListRow *row)
{
  g_autoptr(GObject) item = NULL;

  if (row == NULL || !(item = gtk_tree_list_row_get_item (row)) || !QA_IS_ITEM (item))
    return NULL;

  return g_strdup (kind_label (qa_item_get_kind (QA_ITEM (item))));
}

static char **
row_css_classes (gpointer        this_object,
                 GtkTreeListRow *row)
{
  g_autoptr(GObject) item = NULL;

  if (row == NULL || !(item = gtk_tree_list_row_get_item (row)) || !QA_IS_CATEGORY (item))
    return NULL;

  return g_strdupv ((char *[]) { (char *)"heading", NULL });
}

static char *
format_points (guint points)
{
  return g_strdup_printf (ngettext ("%u point", "%u points", points), points);
}

static void
remove_children (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static void
show_item (QaScoringView *self,
           QaItem        *item)
{
  qa_item_guide_set_item (self->criteria_guide, qa_session_get_criteria (self->session), item);
  gtk_stack_set_visible_child_name (self->detail_stack, "item");
}

static void
show_category (QaScoringView *self,
               QaCategory    *category)
{
  GListModel *items = qa_category_get_items (category);
  guint n_items = g_list_model_get_n_items (items);
  g_autofree char *title = NULL;
  g_autofree char *points = NULL;
  g_autofree char *count = NULL;
  g_autofree char *facts = NULL;
  GtkWidget *group;

  title = g_strdup_printf ("%s %s",
                           qa_category_get_code (category),
                           qa_category_get_name (category));
  points = format_points (qa_category_get_points (category));
  /* Translators: how many scored items a category has */
  count = g_strdup_printf (ngettext ("%u scored item", "%u scored items", n_items), n_items);
  facts = g_strdup_printf ("%s · %s", points, count);

  gtk_label_set_label (self->category_title_label, title);
  gtk_label_set_label (self->category_facts_label, facts);

  remove_children (self->category_items_box);
  group = adw_preferences_group_new ();
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(QaItem) item = g_list_model_get_item (items, i);
      g_autofree char *item_title = NULL;
      g_autofree char *item_points = NULL;
      GtkWidget *row;
      GtkWidget *suffix;

      item_title = g_strdup_printf ("%s %s", qa_item_get_code (item), qa_item_get_name (item));
      item_points = format_points (qa_item_get_points (item));
      row = adw_action_row_new ();
      suffix = gtk_label_new (item_points);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item_title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind_label (qa_item_get_kind (item)));
      gtk_widget_add_css_class (suffix, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  gtk_box_append (self->category_items_box, group);

  gtk_stack_set_visible_child_name (self->detail_stack, "category");
}

static void
selected_item_changed_cb (QaScoringView      *self,
                          GParamSpec         *pspec,
                          GtkSingleSelection *selection)
{
  GtkTreeListRow *row;
  g_autoptr(GObject) item = NULL;

  g_assert (QA_IS_SCORING_VIEW (self));

  row = gtk_single_selection_get_selected_item (selection);
  if (row != NULL)
    item = gtk_tree_list_row_get_item (row);

  if (self->session != NULL && QA_IS_ITEM (item))
    show_item (self, QA_ITEM (item));
  else if (self->session != NULL && QA_IS_CATEGORY (item))
    show_category (self, QA_CATEGORY (item));
  else
    gtk_stack_set_visible_child_name (self->detail_stack, "none");
}

static void
show_criteria (QaScoringView *self)
{
  QaCriteria *criteria = NULL;
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autofree char *n_categories = NULL;
  g_autofree char *n_items = NULL;
  g_autofree char *total = NULL;
  g_autofree char *summary = NULL;
  guint categories;
  guint items;

  if (self->session != NULL)
    criteria = qa_session_get_criteria (self->session);

  if (criteria == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->summary_label, "");
      return;
    }

  categories = g_list_model_get_n_items (qa_criteria_get_categories (criteria));
  items = g_list_model_get_n_items (qa_criteria_get_items (criteria));

  n_categories = g_strdup_printf (ngettext ("%u category", "%u categories", categories),
                                  categories);
  n_items = g_strdup_printf (ngettext ("%u item", "%u items", items), items);
  total = format_points (qa_criteria_get_total_points (criteria));
  summary = g_strdup_printf ("%s · %s · %s", n_categories, n_items, total);

  gtk_label_set_label (self->title_label, qa_criteria_get_title (criteria));
  gtk_label_set_label (self->summary_label, summary);

  tree = gtk_tree_list_model_new (g_object_ref (qa_criteria_get_categories (criteria)),
                                  FALSE, TRUE, create_item_model, NULL, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));

  /* Open on the first scored item rather than its category, to show what a band looks like. */
  if (g_list_model_get_n_items (G_LIST_MODEL (tree)) > 1)
    gtk_single_selection_set_selected (self->selection, 1);
}

/* The reviewer's sheet ------------------------------------------------------------------------ */

static gboolean
is_reviewer_mode (QaScoringView *self)
{
  return self->session != NULL && qa_session_is_package (self->session);
}

static char *
dup_reviewer_name (QaSession *session)
{
  return qa_experts_dup_name (session, qa_session_get_package_reviewer (session));
}

static QaApplicant *
lookup_applicant (QaSession  *session,
                  const char *id)
{
  GListModel *applicants = qa_session_get_applicants (session);

  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      if (g_strcmp0 (qa_applicant_get_id (applicant), id) == 0)
        return g_steal_pointer (&applicant);
    }

  return NULL;
}

static char *
dup_applicant_label (QaScoringView *self,
                     QaScoreSheet  *sheet)
{
  const char *id = qa_score_sheet_get_applicant_id (sheet);
  g_autoptr(QaApplicant) applicant = lookup_applicant (self->session, id);

  if (applicant == NULL)
    return g_strdup (id);

  /* Translators: an applicant and its reference, e.g. “张掖祁连乳业有限公司 (A01)” */
  return g_strdup_printf (_("%s (%s)"), qa_applicant_get_name (applicant), id);
}

static guint
n_items (QaScoreSheet *sheet)
{
  return g_list_model_get_n_items (qa_score_sheet_get_items (sheet));
}

static gboolean
sheet_is_complete (QaScoreSheet *sheet)
{
  return qa_score_sheet_get_n_scored (sheet) == n_items (sheet);
}

static QaScoreSheet *
current_sheet (QaScoringView *self)
{
  return qa_score_sheet_editor_get_sheet (self->sheet_editor);
}

static void
set_string (QaScoringView  *self,
            char          **field,
            char           *value,
            GParamSpec     *pspec)
{
  if (g_strcmp0 (*field, value) == 0)
    {
      g_free (value);
      return;
    }

  g_free (*field);
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* e.g. “Review Package · 张明 · Material Review” and “2 of 5 applicants done”. */
static void
update_title (QaScoringView *self)
{
  char *title = NULL;
  char *subtitle = NULL;

  if (is_reviewer_mode (self))
    {
      g_autofree char *name = dup_reviewer_name (self->session);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sheets));
      guint done = 0;

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(QaScoreSheet) sheet = g_list_model_get_item (G_LIST_MODEL (self->sheets), i);

          if (sheet_is_complete (sheet))
            done++;
        }

      /* Translators: the window title in reviewer mode, e.g. “Review Package · 张明 · Material Review” */
      title = g_strdup_printf (_("Review Package · %s · %s"), name,
                               qa_stage_get_title (qa_session_get_package_stage (self->session)));
      /* Translators: how many of the reviewer's applicants have all 23 items scored */
      subtitle = g_strdup_printf (ngettext ("%u of %u applicant done", "%u of %u applicants done", n),
                                  done, n);
    }

  set_string (self, &self->title, title, properties[PROP_TITLE]);
  set_string (self, &self->subtitle, subtitle, properties[PROP_SUBTITLE]);
}

static void
update_progress (QaScoringView *self)
{
  QaScoreSheet *sheet = current_sheet (self);
  guint total_items = sheet != NULL ? n_items (sheet) : 0;
  guint scored = qa_score_sheet_editor_get_n_scored (self->sheet_editor);
  g_autofree char *progress = NULL;
  g_autofree char *total = NULL;
  g_autofree char *out_of = NULL;
  guint points = 0;

  if (self->session != NULL)
    points = qa_criteria_get_total_points (qa_session_get_criteria (self->session));

  /* Translators: items scored of all, e.g. “14/23” */
  progress = g_strdup_printf (C_("progress", "%u/%u"), scored, total_items);
  /* Translators: the reviewer's total so far, e.g. “512.5” */
  total = g_strdup_printf (C_("total points", "%.1f"),
                           qa_score_sheet_editor_get_total (self->sheet_editor));
  /* Translators: after the reviewer's total, e.g. “/1000” */
  out_of = g_strdup_printf (C_("total points", "/%u"), points);

  gtk_label_set_label (self->progress_label, progress);
  gtk_level_bar_set_max_value (self->progress_bar, MAX (total_items, 1));
  gtk_level_bar_set_value (self->progress_bar, scored);
  gtk_label_set_label (self->total_label, total);
  gtk_label_set_label (self->total_points_label, out_of);
}

static void
editor_totals_changed_cb (QaScoringView      *self,
                          GParamSpec         *pspec,
                          QaScoreSheetEditor *editor)
{
  g_assert (QA_IS_SCORING_VIEW (self));

  update_progress (self);
}

static void
sheet_scored_changed_cb (QaScoringView *self,
                         GParamSpec    *pspec,
                         QaScoreSheet  *sheet)
{
  g_assert (QA_IS_SCORING_VIEW (self));

  update_title (self);
}

static void
show_sheet (QaScoringView *self,
            QaScoreSheet  *sheet)
{
  QaScoreSheet *shown = current_sheet (self);
  const char *item = NULL;

  if (shown == sheet)
    return;

  if (shown != NULL)
    {
      qa_score_sheet_editor_save_pending (self->sheet_editor);
      if (qa_score_sheet_editor_get_current_item (self->sheet_editor) != NULL)
        g_hash_table_replace (self->last_items,
                              g_strdup (qa_score_sheet_get_applicant_id (shown)),
                              g_strdup (qa_score_sheet_editor_get_current_item (self->sheet_editor)));
    }

  if (sheet != NULL)
    item = g_hash_table_lookup (self->last_items, qa_score_sheet_get_applicant_id (sheet));

  qa_score_sheet_editor_set_sheet (self->sheet_editor,
                                   self->session != NULL ? qa_session_get_criteria (self->session) : NULL,
                                   sheet, item);
  qa_material_reader_set_applicant (self->material_reader, self->session,
                                    sheet != NULL ? qa_score_sheet_get_applicant_id (sheet) : NULL);
  update_progress (self);
}

static void
selected_applicant_changed_cb (QaScoringView *self,
                               GParamSpec    *pspec,
                               GtkDropDown   *drop_down)
{
  g_assert (QA_IS_SCORING_VIEW (self));

  show_sheet (self, gtk_drop_down_get_selected_item (drop_down));
}

static void
update_applicant_row (GtkListItem *list_item)
{
  QaScoreSheet *sheet = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *progress = g_object_get_data (G_OBJECT (box), "qa-progress");
  g_autofree char *text = NULL;

  if (sheet == NULL || progress == NULL)
    return;

  text = g_strdup_printf (C_("progress", "%u/%u"), qa_score_sheet_get_n_scored (sheet), n_items (sheet));
  gtk_label_set_label (GTK_LABEL (progress), text);

  /* Done stands out; the rest reads as work left. */
  if (sheet_is_complete (sheet))
    {
      gtk_widget_remove_css_class (progress, "dim-label");
      gtk_widget_add_css_class (progress, "success");
      gtk_widget_set_tooltip_text (progress, _("Every item scored"));
    }
  else
    {
      gtk_widget_remove_css_class (progress, "success");
      gtk_widget_add_css_class (progress, "dim-label");
      gtk_widget_set_tooltip_text (progress, NULL);
    }
}

static void
applicant_scored_changed_cb (GtkListItem  *list_item,
                             GParamSpec   *pspec,
                             QaScoreSheet *sheet)
{
  update_applicant_row (list_item);
}

static void
setup_applicant_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    QaScoringView            *self)
{
  gboolean with_progress = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "qa-with-progress"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  /* The button stays narrow; the list shows names whole. */
  if (!with_progress)
    {
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 36);
    }
  gtk_box_append (GTK_BOX (box), name);
  g_object_set_data (G_OBJECT (box), "qa-name", name);

  if (with_progress)
    {
      GtkWidget *progress = gtk_label_new (NULL);

      gtk_widget_add_css_class (progress, "numeric");
      gtk_label_set_width_chars (GTK_LABEL (progress), 5);
      gtk_label_set_xalign (GTK_LABEL (progress), 1);
      gtk_box_append (GTK_BOX (box), progress);
      g_object_set_data (G_OBJECT (box), "qa-progress", progress);
    }

  gtk_list_item_set_child (list_item, box);
}

static void
bind_applicant_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   QaScoringView            *self)
{
  QaScoreSheet *sheet = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  g_autofree char *label = dup_applicant_label (self, sheet);

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "qa-name"), label);
  g_signal_connect_object (sheet, "notify::n-scored",
                           G_CALLBACK (applicant_scored_changed_cb), list_item, G_CONNECT_SWAPPED);
  update_applicant_row (list_item);
}

static void
unbind_applicant_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     QaScoringView            *self)
{
  QaScoreSheet *sheet = gtk_list_item_get_item (list_item);

  if (sheet != NULL)
    g_signal_handlers_disconnect_by_func (sheet, applicant_scored_changed_cb, list_item);
}

static GtkListItemFactory *
create_applicant_factory (QaScoringView *self,
                          gboolean       with_progress)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "qa-with-progress", GINT_TO_POINTER (with_progress));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_applicant_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_applicant_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_applicant_cb), self);

  return factory;
}

static void
clear_sheets (QaScoringView *self)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sheets)); i++)
    {
      g_autoptr(QaScoreSheet) sheet = g_list_model_get_item (G_LIST_MODEL (self->sheets), i);

      g_signal_handlers_disconnect_by_func (sheet, sheet_scored_changed_cb, self);
    }

  show_sheet (self, NULL);
  g_list_store_remove_all (self->sheets);
  g_hash_table_remove_all (self->last_items);
}

/* The keyboard goes straight to the selected item's percentage. */
static void
focus_sheet (QaScoringView *self)
{
  const char *item = qa_score_sheet_editor_get_current_item (self->sheet_editor);

  if (item != NULL)
    qa_score_sheet_editor_focus_item (self->sheet_editor, item);
}

/* A sheet per applicant the package assigns; the first one still to be scored is shown. */
static void
load_sheets (QaScoringView *self)
{
  const char *reviewer = qa_session_get_package_reviewer (self->session);
  QaStage stage = qa_session_get_package_stage (self->session);
  g_autofree char *name = dup_reviewer_name (self->session);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) applicants = NULL;
  guint first = GTK_INVALID_LIST_POSITION;

  /* Whatever is written in the package is written by its reviewer. */
  qa_database_set_operator (qa_session_get_database (self->session), name, "reviewer");

  applicants = qa_scores_assigned_applicants (self->session, reviewer, stage, &error);
  if (applicants == NULL)
    g_warning ("Could not list the applicants of the package: %s", error->message);

  for (guint i = 0; applicants != NULL && applicants[i] != NULL; i++)
    {
      g_autoptr(QaScoreSheet) sheet = NULL;
      g_autoptr(GError) sheet_error = NULL;

      sheet = qa_score_sheet_new (self->session, reviewer, applicants[i], stage, &sheet_error);
      if (sheet == NULL)
        {
          g_warning ("Could not load the sheet of %s: %s", applicants[i], sheet_error->message);
          continue;
        }

      g_signal_connect_object (sheet, "notify::n-scored",
                               G_CALLBACK (sheet_scored_changed_cb), self, G_CONNECT_SWAPPED);
      g_list_store_append (self->sheets, sheet);
      if (first == GTK_INVALID_LIST_POSITION && !sheet_is_complete (sheet))
        first = g_list_model_get_n_items (G_LIST_MODEL (self->sheets)) - 1;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->sheets)) == 0)
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "unassigned");
      return;
    }

  gtk_stack_set_visible_child_name (self->mode_stack, "sheet");
  gtk_drop_down_set_selected (self->applicant_drop_down, first != GTK_INVALID_LIST_POSITION ? first : 0);
  show_sheet (self, gtk_drop_down_get_selected_item (self->applicant_drop_down));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_sheet (self);
}

static void
update_actions (QaScoringView *self)
{
  gboolean reviewer = is_reviewer_mode (self);
  gboolean secretariat = self->session != NULL && !reviewer;
  const char * const reviewer_actions[] = {
    "scoring.next-unscored", "scoring.next-applicant", "scoring.previous-applicant",
    "scoring.show-materials", "scoring.material-next-page", "scoring.material-previous-page",
  };

  for (guint i = 0; i < G_N_ELEMENTS (reviewer_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), reviewer_actions[i], reviewer);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "export-sheet")),
                               reviewer && g_list_model_get_n_items (G_LIST_MODEL (self->sheets)) > 0);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "export-packages")),
                               secretariat && qa_role_allows (self->role, QA_PERMISSION_EXPORT));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self->actions), "import-sheets")),
                               secretariat && qa_role_allows (self->role, QA_PERMISSION_COLLECT));
}

static void
select_applicant_at (QaScoringView *self,
                     guint          position)
{
  gtk_drop_down_set_selected (self->applicant_drop_down, position);
  focus_sheet (self);
}

static void
step_applicant_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  QaScoringView *self = QA_SCORING_VIEW (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sheets));
  guint position = gtk_drop_down_get_selected (self->applicant_drop_down);

  if (n < 2 || position == GTK_INVALID_LIST_POSITION)
    return;

  if (g_str_equal (action_name, "scoring.next-applicant"))
    position = (position + 1) % n;
  else
    position = (position + n - 1) % n;

  select_applicant_at (self, position);
}

/* Within the applicant first; when it is done, on to the next applicant with work left. */
static void
next_unscored_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  QaScoringView *self = QA_SCORING_VIEW (widget);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sheets));
  guint position = gtk_drop_down_get_selected (self->applicant_drop_down);
  QaScoreSheet *sheet = current_sheet (self);

  if (sheet != NULL && !sheet_is_complete (sheet) &&
      qa_score_sheet_editor_focus_next_unscored (self->sheet_editor))
    return;

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(QaScoreSheet) other = g_list_model_get_item (G_LIST_MODEL (self->sheets), (position + i) % n);

      if (!sheet_is_complete (other))
        {
          gtk_drop_down_set_selected (self->applicant_drop_down, (position + i) % n);
          qa_score_sheet_editor_focus_next_unscored (self->sheet_editor);
          return;
        }
    }

  _qa_ui_add_toast (GTK_WIDGET (self->sheet_editor),
                    adw_toast_new (_("Every item of every applicant is scored. Export the score sheet with Ctrl+E.")));
}

static void
material_page_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  QaScoringView *self = QA_SCORING_VIEW (widget);
  GtkWidget *pdf_view = GTK_WIDGET (qa_material_reader_get_pdf_view (self->material_reader));

  if (g_str_equal (action_name, "scoring.material-next-page"))
    gtk_widget_activate_action (pdf_view, "pdf.next-page", NULL);
  else
    gtk_widget_activate_action (pdf_view, "pdf.previous-page", NULL);
}

/* Exchange of packages and sheets --------------------------------------------------------------- */

static guint
count_complete (QaScoringView *self)
{
  guint done = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sheets)); i++)
    {
      g_autoptr(QaScoreSheet) sheet = g_list_model_get_item (G_LIST_MODEL (self->sheets), i);

      done += sheet_is_complete (sheet);
    }

  return done;
}

static void
export_sheet_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          QaScoringView   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (QA_IS_SCORING_VIEW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && !qa_scoring_view_export_sheet (self, file, &error))
    _qa_ui_show_error (GTK_WIDGET (self), _("Could Not Export the Score Sheet"), error->message);
  else if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sheets));
      g_autofree char *title = NULL;

      if (count_complete (self) == n)
        /* Translators: after a score sheet was written, e.g. “Exported E03-material.qasheet” */
        title = g_strdup_printf (_("Exported %s"), name);
      else
        /* Translators: after a score sheet was written while some applicants still have unscored items */
        title = g_strdup_printf (ngettext ("Exported %s: %u of %u applicant done so far",
                                           "Exported %s: %u of %u applicants done so far", n),
                                 name, count_complete (self), n);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *mime_type,
            const char     *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
export_sheet_activated (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  QaScoringView *self = user_data;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (!is_reviewer_mode (self))
    return;

  qa_score_sheet_editor_save_pending (self->sheet_editor);

  chooser = gtk_file_chooser_native_new (_("Export Score Sheet"),
                                         _qa_ui_get_window (GTK_WIDGET (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  name = _qa_exchange_dup_file_name (qa_session_get_package_reviewer (self->session),
                                     qa_session_get_package_stage (self->session), "qasheet");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Score sheets"), "application/x-qareview-scoresheet",
              "*.qasheet");

  /* The reference is dropped in the response handler. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_sheet_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_packages_activated (GSimpleAction *action,
                           GVariant      *param,
                           gpointer       user_data)
{
  QaScoringView *self = user_data;
  QaPackageExportDialog *dialog;

  if (self->session == NULL || is_reviewer_mode (self))
    return;

  dialog = qa_package_export_dialog_new (_qa_ui_get_window (GTK_WIDGET (self)), self->session);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_sheets_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           QaScoringView   *self)
{
  g_autoptr(GListModel) files = NULL;

  g_assert (QA_IS_SCORING_VIEW (self));

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

  if (files != NULL && g_list_model_get_n_items (files) > 0 && self->session != NULL)
    {
      QaSheetImportDialog *dialog;

      dialog = qa_sheet_import_dialog_new (_qa_ui_get_window (GTK_WIDGET (self)), self->session);
      gtk_window_present (GTK_WINDOW (dialog));
      qa_sheet_import_dialog_import (dialog, files);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_sheets_activated (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       user_data)
{
  QaScoringView *self = user_data;
  GtkFileChooserNative *chooser;

  if (self->session == NULL || is_reviewer_mode (self))
    return;

  chooser = gtk_file_chooser_native_new (_("Import Score Sheets"),
                                         _qa_ui_get_window (GTK_WIDGET (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Score sheets"), "application/x-qareview-scoresheet",
              "*.qasheet");
  add_filter (GTK_FILE_CHOOSER (chooser), _("All files"), NULL, "*");

  /* The reference is dropped in the response handler. */
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_sheets_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Ahead of the fields and scrolled lists inside, which have uses of their own for some. */
static const QaKeyShortcut view_keys[] = {
  { GDK_KEY_u, GDK_CONTROL_MASK, "scoring.next-unscored" },
  { GDK_KEY_Page_Down, GDK_CONTROL_MASK, "scoring.next-applicant" },
  { GDK_KEY_Page_Up, GDK_CONTROL_MASK, "scoring.previous-applicant" },
  { GDK_KEY_Page_Down, GDK_ALT_MASK, "scoring.material-next-page" },
  { GDK_KEY_Page_Up, GDK_ALT_MASK, "scoring.material-previous-page" },
  { GDK_KEY_F9, 0, "scoring.show-materials" },
  { GDK_KEY_e, GDK_CONTROL_MASK, "review.export-sheet" },
};

static const GActionEntry review_entries[] = {
  { "export-sheet", export_sheet_activated },
  { "export-packages", export_packages_activated },
  { "import-sheets", import_sheets_activated },
};

/* GObject ------------------------------------------------------------------------------------- */

static void
qa_scoring_view_map (GtkWidget *widget)
{
  QaScoringView *self = QA_SCORING_VIEW (widget);

  GTK_WIDGET_CLASS (qa_scoring_view_parent_class)->map (widget);

  if (is_reviewer_mode (self))
    focus_sheet (self);
}

static void
qa_scoring_view_dispose (GObject *object)
{
  QaScoringView *self = (QaScoringView *)object;
  GtkWidget *child;

  if (self->sheets != NULL)
    clear_sheets (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_SCORING_VIEW);
  /* gtk_widget_dispose_template() only unparents the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->sheets);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->last_items, g_hash_table_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);

  G_OBJECT_CLASS (qa_scoring_view_parent_class)->dispose (object);
}

static void
qa_scoring_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  QaScoringView *self = QA_SCORING_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_SHOW_MATERIALS:
      g_value_set_boolean (value, self->show_materials);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_scoring_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  QaScoringView *self = QA_SCORING_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_scoring_view_set_session (self, g_value_get_object (value));
      break;

    case PROP_SHOW_MATERIALS:
      qa_scoring_view_set_show_materials (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_scoring_view_class_init (QaScoringViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_scoring_view_dispose;
  object_class->get_property = qa_scoring_view_get_property;
  object_class->set_property = qa_scoring_view_set_property;

  widget_class->map = qa_scoring_view_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_MATERIALS] =
    g_param_spec_boolean ("show-materials", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_ITEM_GUIDE);
  g_type_ensure (QA_TYPE_MATERIAL_READER);
  g_type_ensure (QA_TYPE_SCORE_SHEET_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-scoring-view.ui");
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, applicant_drop_down);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, category_facts_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, category_items_box);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, category_title_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, column_view);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, criteria_guide);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, material_reader);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, selection);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, sheet_editor);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, title_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, total_label);
  gtk_widget_class_bind_template_child (widget_class, QaScoringView, total_points_label);
  gtk_widget_class_bind_template_callback (widget_class, row_code);
  gtk_widget_class_bind_template_callback (widget_class, row_css_classes);
  gtk_widget_class_bind_template_callback (widget_class, row_kind);
  gtk_widget_class_bind_template_callback (widget_class, row_name);
  gtk_widget_class_bind_template_callback (widget_class, row_points);
  gtk_widget_class_bind_template_callback (widget_class, selected_applicant_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_item_changed_cb);

  gtk_widget_class_install_action (widget_class, "scoring.next-unscored", NULL, next_unscored_action);
  gtk_widget_class_install_action (widget_class, "scoring.next-applicant", NULL, step_applicant_action);
  gtk_widget_class_install_action (widget_class, "scoring.previous-applicant", NULL, step_applicant_action);
  gtk_widget_class_install_action (widget_class, "scoring.material-next-page", NULL, material_page_action);
  gtk_widget_class_install_action (widget_class, "scoring.material-previous-page", NULL, material_page_action);
  gtk_widget_class_install_property_action (widget_class, "scoring.show-materials", "show-materials");

  gtk_widget_class_set_css_name (widget_class, "scoring-view");
}

static void
qa_scoring_view_init (QaScoringView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkListItemFactory) list_factory = NULL;

  self->show_materials = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->sheets = g_list_store_new (QA_TYPE_SCORE_SHEET);
  self->last_items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  factory = create_applicant_factory (self, FALSE);
  list_factory = create_applicant_factory (self, TRUE);
  gtk_drop_down_set_factory (self->applicant_drop_down, factory);
  gtk_drop_down_set_list_factory (self->applicant_drop_down, list_factory);
  gtk_drop_down_set_model (self->applicant_drop_down, G_LIST_MODEL (self->sheets));

  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions),
                                   review_entries, G_N_ELEMENTS (review_entries),
                                   self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "review", G_ACTION_GROUP (self->actions));
  _qa_ui_add_capture_shortcuts (GTK_WIDGET (self), view_keys, G_N_ELEMENTS (view_keys));

  g_signal_connect_object (self->sheet_editor, "notify::total",
                           G_CALLBACK (editor_totals_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sheet_editor, "notify::n-scored",
                           G_CALLBACK (editor_totals_changed_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

GtkWidget *
qa_scoring_view_new (void)
{
  return g_object_new (QA_TYPE_SCORING_VIEW, NULL);
}

QaSession *
qa_scoring_view_get_session (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return self->session;
}

void
qa_scoring_view_set_session (QaScoringView *self,
                             QaSession     *session)
{
  g_return_if_fail (QA_IS_SCORING_VIEW (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (self->session == session)
    return;

  clear_sheets (self);
  g_set_object (&self->session, session);

  if (is_reviewer_mode (self))
    {
      gtk_single_selection_set_model (self->selection, NULL);
      load_sheets (self);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->mode_stack, "criteria");
      show_criteria (self);
    }

  update_title (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkSelectionModel *
qa_scoring_view_get_model (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

const char *
qa_scoring_view_get_title (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return self->title;
}

const char *
qa_scoring_view_get_subtitle (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return self->subtitle;
}

void
qa_scoring_view_set_role (QaScoringView *self,
                          QaRole         role)
{
  g_return_if_fail (QA_IS_SCORING_VIEW (self));

  self->role = role;
  update_actions (self);
}

GActionGroup *
qa_scoring_view_get_actions (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return G_ACTION_GROUP (self->actions);
}

gboolean
qa_scoring_view_get_show_materials (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), FALSE);

  return self->show_materials;
}

void
qa_scoring_view_set_show_materials (QaScoringView *self,
                                    gboolean       show_materials)
{
  g_return_if_fail (QA_IS_SCORING_VIEW (self));

  show_materials = !!show_materials;
  if (self->show_materials == show_materials)
    return;

  self->show_materials = show_materials;
  gtk_widget_set_visible (GTK_WIDGET (self->material_reader), show_materials);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MATERIALS]);
}

GListModel *
qa_scoring_view_get_sheets (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return G_LIST_MODEL (self->sheets);
}

gboolean
qa_scoring_view_select_applicant (QaScoringView *self,
                                  const char    *applicant_id)
{
  guint n;

  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), FALSE);
  g_return_val_if_fail (applicant_id != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sheets));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(QaScoreSheet) sheet = g_list_model_get_item (G_LIST_MODEL (self->sheets), i);

      if (g_strcmp0 (qa_score_sheet_get_applicant_id (sheet), applicant_id) == 0)
        {
          select_applicant_at (self, i);
          return TRUE;
        }
    }

  return FALSE;
}

QaScoreSheetEditor *
qa_scoring_view_get_sheet_editor (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return self->sheet_editor;
}

QaMaterialReader *
qa_scoring_view_get_material_reader (QaScoringView *self)
{
  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), NULL);

  return self->material_reader;
}

gboolean
qa_scoring_view_export_sheet (QaScoringView  *self,
                              GFile          *file,
                              GError        **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (QA_IS_SCORING_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (is_reviewer_mode (self), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Choose a folder on this computer: the sheet cannot be written there"));
      return FALSE;
    }

  /* What is still being typed is part of the sheet. */
  qa_score_sheet_editor_save_pending (self->sheet_editor);

  /* The file chooser asked before a file was replaced. */
  return qa_sheet_export (self->session, path, QA_OUTPUT_REPLACE, error);
}
