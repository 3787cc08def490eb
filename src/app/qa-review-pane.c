/* qa-review-pane.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-review-pane"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "qa-review-pane.h"
#include "qa-ui-private.h"

/* In a review package: the reviewer's sheet of each assigned applicant, one at a time, beside the
 * applicant's materials, under a bar with the applicant, the progress and the reviewer's total. */
struct _QaReviewPane
{
  GtkWidget           parent_instance;

  /* Owned */
  QaSession          *session;
  /* The reviewer's sheet of each assigned applicant (QaScoreSheet). */
  GListStore         *sheets;
  /* applicant id → the clause last worked on */
  GHashTable         *last_items;
  gboolean            show_materials;
  guint               n_done;

  /* Template widgets */
  GtkDropDown        *applicant_drop_down;
  QaMaterialReader   *material_reader;
  GtkLevelBar        *progress_bar;
  GtkLabel           *progress_label;
  QaScoreSheetEditor *sheet_editor;
  AdwToastOverlay    *toast_overlay;
  GtkLabel           *total_label;
  GtkLabel           *total_points_label;
};

G_DEFINE_FINAL_TYPE (QaReviewPane, qa_review_pane, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_SHOW_MATERIALS,
  PROP_N_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_reviewer_name (QaSession *session)
{
  return qa_experts_dup_name (session, qa_session_get_package_reviewer (session));
}

static char *
dup_applicant_label (QaReviewPane *self,
                     QaScoreSheet *sheet)
{
  const char *id = qa_score_sheet_get_applicant_id (sheet);
  QaApplicant *applicant = _qa_ui_find_applicant (self->session, id);

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
current_sheet (QaReviewPane  *self)
{
  return qa_score_sheet_editor_get_sheet (self->sheet_editor);
}

static void
update_progress (QaReviewPane  *self)
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
editor_totals_changed_cb (QaReviewPane       *self,
                          GParamSpec         *pspec,
                          QaScoreSheetEditor *editor)
{
  g_assert (QA_IS_REVIEW_PANE (self));

  update_progress (self);
}

static void
update_n_done (QaReviewPane *self)
{
  guint done = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sheets)); i++)
    {
      g_autoptr(QaScoreSheet) sheet = g_list_model_get_item (G_LIST_MODEL (self->sheets), i);

      done += sheet_is_complete (sheet);
    }

  if (self->n_done == done)
    return;

  self->n_done = done;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
}

static void
sheet_scored_changed_cb (QaReviewPane *self,
                         GParamSpec   *pspec,
                         QaScoreSheet *sheet)
{
  g_assert (QA_IS_REVIEW_PANE (self));

  update_n_done (self);
}

static void
show_sheet (QaReviewPane *self,
            QaScoreSheet *sheet)
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
selected_applicant_changed_cb (QaReviewPane *self,
                               GParamSpec   *pspec,
                               GtkDropDown  *drop_down)
{
  g_assert (QA_IS_REVIEW_PANE (self));

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
                    QaReviewPane             *self)
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
                   QaReviewPane             *self)
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
                     QaReviewPane             *self)
{
  QaScoreSheet *sheet = gtk_list_item_get_item (list_item);

  if (sheet != NULL)
    g_signal_handlers_disconnect_by_func (sheet, applicant_scored_changed_cb, list_item);
}

static GtkListItemFactory *
create_applicant_factory (QaReviewPane *self,
                          gboolean      with_progress)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "qa-with-progress", GINT_TO_POINTER (with_progress));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_applicant_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_applicant_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_applicant_cb), self);

  return factory;
}

static void
clear_sheets (QaReviewPane  *self)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sheets)); i++)
    {
      g_autoptr(QaScoreSheet) sheet = g_list_model_get_item (G_LIST_MODEL (self->sheets), i);

      g_signal_handlers_disconnect_by_func (sheet, sheet_scored_changed_cb, self);
    }

  show_sheet (self, NULL);
  g_list_store_remove_all (self->sheets);
  g_hash_table_remove_all (self->last_items);
  update_n_done (self);
}

/* The keyboard goes straight to the selected item's percentage. */
static void
focus_sheet (QaReviewPane  *self)
{
  const char *item = qa_score_sheet_editor_get_current_item (self->sheet_editor);

  if (item != NULL)
    qa_score_sheet_editor_focus_item (self->sheet_editor, item);
}

/* A sheet per applicant the package assigns; the first one still to be scored is shown. */
static void
load_sheets (QaReviewPane  *self)
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

  update_n_done (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sheets)) == 0)
    return;

  gtk_drop_down_set_selected (self->applicant_drop_down, first != GTK_INVALID_LIST_POSITION ? first : 0);
  show_sheet (self, gtk_drop_down_get_selected_item (self->applicant_drop_down));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    focus_sheet (self);
}

static void
select_applicant_at (QaReviewPane *self,
                     guint         position)
{
  gtk_drop_down_set_selected (self->applicant_drop_down, position);
  focus_sheet (self);
}

/* GObject ------------------------------------------------------------------------------------- */

static void
qa_review_pane_map (GtkWidget *widget)
{
  QaReviewPane *self = QA_REVIEW_PANE (widget);

  GTK_WIDGET_CLASS (qa_review_pane_parent_class)->map (widget);

  focus_sheet (self);
}

static void
qa_review_pane_dispose (GObject *object)
{
  QaReviewPane *self = (QaReviewPane *)object;

  if (self->sheets != NULL)
    clear_sheets (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_REVIEW_PANE);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->session);
  g_clear_object (&self->sheets);
  g_clear_pointer (&self->last_items, g_hash_table_unref);

  G_OBJECT_CLASS (qa_review_pane_parent_class)->dispose (object);
}

static void
qa_review_pane_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  QaReviewPane *self = QA_REVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SHOW_MATERIALS:
      g_value_set_boolean (value, self->show_materials);
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_review_pane_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  QaReviewPane *self = QA_REVIEW_PANE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_review_pane_set_session (self, g_value_get_object (value));
      break;

    case PROP_SHOW_MATERIALS:
      qa_review_pane_set_show_materials (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_review_pane_class_init (QaReviewPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_review_pane_dispose;
  object_class->get_property = qa_review_pane_get_property;
  object_class->set_property = qa_review_pane_set_property;

  widget_class->map = qa_review_pane_map;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_MATERIALS] =
    g_param_spec_boolean ("show-materials", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (QA_TYPE_MATERIAL_READER);
  g_type_ensure (QA_TYPE_SCORE_SHEET_EDITOR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-review-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, QaReviewPane, applicant_drop_down);
  gtk_widget_class_bind_template_child (widget_class, QaReviewPane, material_reader);
  gtk_widget_class_bind_template_child (widget_class, QaReviewPane, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, QaReviewPane, progress_label);
  gtk_widget_class_bind_template_child (widget_class, QaReviewPane, sheet_editor);
  gtk_widget_class_bind_template_child (widget_class, QaReviewPane, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, QaReviewPane, total_label);
  gtk_widget_class_bind_template_child (widget_class, QaReviewPane, total_points_label);
  gtk_widget_class_bind_template_callback (widget_class, selected_applicant_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "review-pane");
}

static void
qa_review_pane_init (QaReviewPane *self)
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

  g_signal_connect_object (self->sheet_editor, "notify::total",
                           G_CALLBACK (editor_totals_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sheet_editor, "notify::n-scored",
                           G_CALLBACK (editor_totals_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
qa_review_pane_new (void)
{
  return g_object_new (QA_TYPE_REVIEW_PANE, NULL);
}

QaSession *
qa_review_pane_get_session (QaReviewPane *self)
{
  g_return_val_if_fail (QA_IS_REVIEW_PANE (self), NULL);

  return self->session;
}

void
qa_review_pane_set_session (QaReviewPane *self,
                            QaSession    *session)
{
  g_return_if_fail (QA_IS_REVIEW_PANE (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));
  g_return_if_fail (!session || qa_session_is_package (session));

  if (self->session == session)
    return;

  clear_sheets (self);
  g_set_object (&self->session, session);
  if (session != NULL)
    load_sheets (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
qa_review_pane_get_show_materials (QaReviewPane *self)
{
  g_return_val_if_fail (QA_IS_REVIEW_PANE (self), FALSE);

  return self->show_materials;
}

void
qa_review_pane_set_show_materials (QaReviewPane *self,
                                   gboolean      show_materials)
{
  g_return_if_fail (QA_IS_REVIEW_PANE (self));

  show_materials = !!show_materials;
  if (self->show_materials == show_materials)
    return;

  self->show_materials = show_materials;
  gtk_widget_set_visible (GTK_WIDGET (self->material_reader), show_materials);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_MATERIALS]);
}

GListModel *
qa_review_pane_get_sheets (QaReviewPane *self)
{
  g_return_val_if_fail (QA_IS_REVIEW_PANE (self), NULL);

  return G_LIST_MODEL (self->sheets);
}

guint
qa_review_pane_get_n_done (QaReviewPane *self)
{
  g_return_val_if_fail (QA_IS_REVIEW_PANE (self), 0);

  return self->n_done;
}

void
qa_review_pane_step_applicant (QaReviewPane *self,
                               gboolean      forward)
{
  guint n;
  guint position;

  g_return_if_fail (QA_IS_REVIEW_PANE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sheets));
  position = gtk_drop_down_get_selected (self->applicant_drop_down);
  if (n < 2 || position == GTK_INVALID_LIST_POSITION)
    return;

  select_applicant_at (self, forward ? (position + 1) % n : (position + n - 1) % n);
}

/* Within the applicant first; when it is done, on to the next applicant with work left. */
void
qa_review_pane_next_unscored (QaReviewPane *self)
{
  guint n;
  guint position;
  QaScoreSheet *sheet;

  g_return_if_fail (QA_IS_REVIEW_PANE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sheets));
  position = gtk_drop_down_get_selected (self->applicant_drop_down);
  sheet = current_sheet (self);

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

void
qa_review_pane_turn_material_page (QaReviewPane *self,
                                   gboolean      forward)
{
  GtkWidget *pdf_view;

  g_return_if_fail (QA_IS_REVIEW_PANE (self));

  pdf_view = GTK_WIDGET (qa_material_reader_get_pdf_view (self->material_reader));
  gtk_widget_activate_action (pdf_view, forward ? "pdf.next-page" : "pdf.previous-page", NULL);
}

void
qa_review_pane_save_pending (QaReviewPane *self)
{
  g_return_if_fail (QA_IS_REVIEW_PANE (self));

  qa_score_sheet_editor_save_pending (self->sheet_editor);
}

void
qa_review_pane_add_toast (QaReviewPane *self,
                          AdwToast     *toast)
{
  g_return_if_fail (QA_IS_REVIEW_PANE (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

QaScoreSheetEditor *
qa_review_pane_get_sheet_editor (QaReviewPane *self)
{
  g_return_val_if_fail (QA_IS_REVIEW_PANE (self), NULL);

  return self->sheet_editor;
}

QaMaterialReader *
qa_review_pane_get_material_reader (QaReviewPane *self)
{
  g_return_val_if_fail (QA_IS_REVIEW_PANE (self), NULL);

  return self->material_reader;
}
