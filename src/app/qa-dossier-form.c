/* qa-dossier-form.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-dossier-form"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>

#include "qa-dossier-form.h"
#include "qa-ui-private.h"

/* The form's fields in their two columns: the organisation on the left, whom to reach on the
 * right. The notes, the legal status and the self-assessment are placed by hand. */
typedef struct
{
  QaDossierField  field;
  const char     *label;
  const char     *placeholder;
  guint           column;
  int             width_chars;
} FieldSpec;

static const FieldSpec field_specs[] = {
  { QA_DOSSIER_ID, N_("Reference"), N_("Required, e.g. A09"), 0, 10 },
  { QA_DOSSIER_NAME, N_("Name"), N_("Required"), 0, 24 },
  { QA_DOSSIER_CREDIT_CODE, N_("Unified social credit code"), N_("Required: 18 characters"), 0,
    20 },
  { QA_DOSSIER_DISTRICT, N_("District of registration"), N_("Required, e.g. 甘州区"), 0, 12 },
  { QA_DOSSIER_FOUNDED, N_("Operations began"), N_("Required: YYYY-MM-DD"), 0, 12 },
  { QA_DOSSIER_INDUSTRY, N_("Industry"), NULL, 0, 20 },
  { QA_DOSSIER_ADDRESS, N_("Address"), NULL, 0, 24 },
  { QA_DOSSIER_LEGAL_REPRESENTATIVE, N_("Legal representative"), NULL, 1, 12 },
  { QA_DOSSIER_CONTACT_PERSON, N_("Contact person"), NULL, 1, 12 },
  { QA_DOSSIER_PHONE, N_("Telephone"), NULL, 1, 16 },
  { QA_DOSSIER_EMAIL, N_("E-mail"), NULL, 1, 20 },
};

struct _QaDossierForm
{
  GtkWidget       parent_instance;

  /* Owned */
  QaDossier      *dossier;
  char           *problems[QA_DOSSIER_N_TEXT_FIELDS];
  char           *self_score_problem;
  /* A required field is not faulted for being empty until it has been typed in. */
  gboolean        touched[QA_DOSSIER_N_TEXT_FIELDS];
  gboolean        loading;

  /* Unowned: children of the grids */
  GtkWidget      *fields[QA_DOSSIER_N_TEXT_FIELDS];
  GtkLabel       *problem_labels[QA_DOSSIER_N_TEXT_FIELDS];
  GtkCalendar    *calendar;
  GtkMenuButton  *calendar_button;
  GtkCheckButton *legal_person_check;
  GtkEntry       *self_score_entry;
  GtkLabel       *self_score_problem_label;
  GtkLabel       *self_score_caption;
  int             next_row[2];
  /* The criteria's total: a self-assessment is points out of it. */
  guint           max_points;

  /* Template widgets */
  GtkGrid        *contact_grid;
  GtkGrid        *organisation_grid;
};

G_DEFINE_FINAL_TYPE (QaDossierForm, qa_dossier_form, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_field_text (QaDossierForm  *self,
                QaDossierField  field)
{
  GtkWidget *widget = self->fields[field];

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }

  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
}

static void
show_problem (GtkWidget  *widget,
              GtkLabel   *label,
              const char *problem)
{
  gtk_label_set_label (label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (label), problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static void
check_field (QaDossierForm  *self,
             QaDossierField  field)
{
  g_autofree char *text = dup_field_text (self, field);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->problems[field], g_free);
  if (!qa_dossier_validate_text (field, text, NULL, &error))
    self->problems[field] = g_strdup (error->message);

  /* An empty required field of a new dossier is not yet a mistake. */
  show_problem (self->fields[field], self->problem_labels[field],
                self->touched[field] || *g_strstrip (text) != '\0' ? self->problems[field] : NULL);
}

static void
check_self_score (QaDossierForm *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->self_score_entry));
  g_autoptr(GError) error = NULL;
  double score;

  g_clear_pointer (&self->self_score_problem, g_free);
  if (!qa_dossier_parse_self_score (text, self->max_points, &score, &error))
    self->self_score_problem = g_strdup (error->message);
  show_problem (GTK_WIDGET (self->self_score_entry), self->self_score_problem_label,
                self->self_score_problem);
}

static void
field_changed_cb (QaDossierForm *self,
                  gpointer       source)
{
  QaDossierField field = GPOINTER_TO_UINT (g_object_get_data (source, "qa-dossier-field"));
  g_autofree char *text = NULL;

  g_assert (QA_IS_DOSSIER_FORM (self));

  if (self->loading || self->dossier == NULL)
    return;

  text = dup_field_text (self, field);
  self->touched[field] = TRUE;
  qa_dossier_set_text (self->dossier, field, text);
  check_field (self, field);

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
self_score_changed_cb (QaDossierForm *self,
                       GtkEditable   *entry)
{
  double score;

  g_assert (QA_IS_DOSSIER_FORM (self));

  if (self->loading || self->dossier == NULL)
    return;

  check_self_score (self);
  if (qa_dossier_parse_self_score (gtk_editable_get_text (entry), self->max_points, &score, NULL))
    qa_dossier_set_self_score (self->dossier, score);

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
legal_person_toggled_cb (QaDossierForm  *self,
                         GtkCheckButton *check)
{
  g_assert (QA_IS_DOSSIER_FORM (self));

  if (self->loading || self->dossier == NULL)
    return;

  qa_dossier_set_legal_person (self->dossier, gtk_check_button_get_active (check));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
day_selected_cb (QaDossierForm *self,
                 GtkCalendar   *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  g_assert (QA_IS_DOSSIER_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->fields[QA_DOSSIER_FOUNDED]), text);
  gtk_menu_button_popdown (self->calendar_button);
}

/* The calendar opens on the date typed, when there is one. */
static void
calendar_shown_cb (QaDossierForm *self,
                   GtkPopover    *popover)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->fields[QA_DOSSIER_FOUNDED]));
  g_autoptr(GDateTime) date = NULL;
  guint year, month, day;

  g_assert (QA_IS_DOSSIER_FORM (self));

  if (*text == '\0' || !qa_dossier_validate_text (QA_DOSSIER_FOUNDED, text, "9999-12-31", NULL) ||
      sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return;

  date = g_date_time_new_local ((int)year, (int)month, (int)day, 0, 0, 0);
  if (date != NULL)
    {
      g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
      gtk_calendar_select_day (self->calendar, date);
      g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
    }
}

/* Puts @widget under @caption in the next row of @column, with a label for its problems
 * below it, which is returned. */
static GtkLabel *
attach_field (QaDossierForm *self,
              guint          column,
              const char    *caption,
              GtkWidget     *widget,
              GtkWidget     *mnemonic_widget)
{
  GtkGrid *grid = column == 0 ? self->organisation_grid : self->contact_grid;
  int row = self->next_row[column];
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *problem_label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (caption_label), 1);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (caption_label), 22);
  gtk_label_set_justify (GTK_LABEL (caption_label), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_valign (caption_label, GTK_IS_TEXT_VIEW (mnemonic_widget) ? GTK_ALIGN_START
                                                                            : GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption_label), mnemonic_widget);
  gtk_grid_attach (grid, caption_label, 0, row, 1, 1);

  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (grid, widget, 1, row, 1, 1);

  gtk_label_set_xalign (GTK_LABEL (problem_label), 0);
  gtk_label_set_wrap (GTK_LABEL (problem_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (problem_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (problem_label), 40);
  gtk_widget_add_css_class (problem_label, "error");
  gtk_widget_add_css_class (problem_label, "caption");
  gtk_widget_add_css_class (problem_label, "field-problem");
  gtk_widget_set_visible (problem_label, FALSE);
  gtk_grid_attach (grid, problem_label, 1, row + 1, 1, 1);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (mnemonic_widget),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, problem_label, NULL,
                                  -1);

  self->next_row[column] = row + 2;
  return GTK_LABEL (problem_label);
}

static GtkWidget *
create_entry (QaDossierForm   *self,
              const FieldSpec *spec)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), spec->width_chars);
  if (spec->placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _(spec->placeholder));

  if (spec->field == QA_DOSSIER_CREDIT_CODE)
    {
      gtk_entry_set_max_length (GTK_ENTRY (entry), QA_CREDIT_CODE_LENGTH);
      gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_UPPERCASE_CHARS |
                                                    GTK_INPUT_HINT_NO_SPELLCHECK);
      gtk_widget_add_css_class (entry, "monospace");
    }
  else if (spec->field == QA_DOSSIER_ID || spec->field == QA_DOSSIER_FOUNDED)
    {
      gtk_widget_add_css_class (entry, "numeric");
    }
  else if (spec->field == QA_DOSSIER_PHONE)
    {
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_PHONE);
    }
  else if (spec->field == QA_DOSSIER_EMAIL)
    {
      gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_EMAIL);
    }

  return entry;
}

/* The date entry and, linked to it, a button that opens a calendar. */
static GtkWidget *
create_date_box (QaDossierForm *self,
                 GtkWidget     *entry)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *popover = gtk_popover_new ();

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  g_signal_connect_object (popover, "show", G_CALLBACK (calendar_shown_cb), self,
                           G_CONNECT_SWAPPED);

  self->calendar_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->calendar_button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->calendar_button, popover);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->calendar_button), _("Choose a Date"));

  gtk_widget_set_hexpand (entry, TRUE);
  gtk_widget_add_css_class (box, "linked");
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar_button));
  return box;
}

static void
add_text_field (QaDossierForm   *self,
                const FieldSpec *spec)
{
  GtkWidget *entry = create_entry (self, spec);
  GtkWidget *shown = spec->field == QA_DOSSIER_FOUNDED ? create_date_box (self, entry) : entry;

  self->fields[spec->field] = entry;
  g_object_set_data (G_OBJECT (entry), "qa-dossier-field", GUINT_TO_POINTER (spec->field));
  g_signal_connect_object (entry, "changed", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->problem_labels[spec->field] = attach_field (self, spec->column, _(spec->label), shown,
                                                    entry);
}

static void
add_legal_person (QaDossierForm *self)
{
  GtkWidget *check = gtk_check_button_new_with_mnemonic (_("Independent _legal person"));

  self->legal_person_check = GTK_CHECK_BUTTON (check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (legal_person_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  attach_field (self, 0, _("Legal status"), check, check);
}

static void
update_self_score_caption (QaDossierForm *self)
{
  /* Translators: the points are the criteria's total, e.g. “Self-assessment (of 1000)” */
  g_autofree char *caption = g_strdup_printf (_("Self-assessment (of %u)"), self->max_points);

  gtk_label_set_text (self->self_score_caption, caption);
}

static void
add_self_score (QaDossierForm *self)
{
  GtkWidget *entry = gtk_entry_new ();
  int row = self->next_row[1];

  self->self_score_entry = GTK_ENTRY (entry);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 8);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Not given"));
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_widget_add_css_class (entry, "numeric");
  g_signal_connect_object (entry, "changed", G_CALLBACK (self_score_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->self_score_problem_label = attach_field (self, 1, "", entry, entry);
  self->self_score_caption = GTK_LABEL (gtk_grid_get_child_at (self->contact_grid, 0, row));
  update_self_score_caption (self);
}

static void
add_notes (QaDossierForm *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (scroller, "notes");

  self->fields[QA_DOSSIER_NOTES] = view;
  g_object_set_data (G_OBJECT (view), "qa-dossier-field", GUINT_TO_POINTER (QA_DOSSIER_NOTES));
  g_object_set_data (G_OBJECT (buffer), "qa-dossier-field", GUINT_TO_POINTER (QA_DOSSIER_NOTES));
  g_signal_connect_object (buffer, "changed", G_CALLBACK (field_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->problem_labels[QA_DOSSIER_NOTES] =
    attach_field (self, 1, _("Secretariat’s notes"), scroller, view);
}

static void
set_field_text (QaDossierForm  *self,
                QaDossierField  field,
                const char     *text)
{
  GtkWidget *widget = self->fields[field];

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                              text != NULL ? text : "", -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
}

static void
qa_dossier_form_dispose (GObject *object)
{
  QaDossierForm *self = (QaDossierForm *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_DOSSIER_FORM);
  _qa_ui_dispose_children (GTK_WIDGET (self));
  g_clear_object (&self->dossier);

  G_OBJECT_CLASS (qa_dossier_form_parent_class)->dispose (object);
}

static void
qa_dossier_form_finalize (GObject *object)
{
  QaDossierForm *self = (QaDossierForm *)object;

  for (guint i = 0; i < QA_DOSSIER_N_TEXT_FIELDS; i++)
    g_free (self->problems[i]);
  g_free (self->self_score_problem);

  G_OBJECT_CLASS (qa_dossier_form_parent_class)->finalize (object);
}

static void
qa_dossier_form_class_init (QaDossierFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_dossier_form_dispose;
  object_class->finalize = qa_dossier_form_finalize;

  /* Emitted when the user changes a field. */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-dossier-form.ui");
  gtk_widget_class_bind_template_child (widget_class, QaDossierForm, contact_grid);
  gtk_widget_class_bind_template_child (widget_class, QaDossierForm, organisation_grid);

  gtk_widget_class_set_css_name (widget_class, "dossier-form");
}

static void
qa_dossier_form_init (QaDossierForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Row 0 of each grid holds its heading. */
  self->next_row[0] = self->next_row[1] = 1;

  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    {
      add_text_field (self, &field_specs[i]);
      if (field_specs[i].field == QA_DOSSIER_FOUNDED)
        add_legal_person (self);
    }
  add_self_score (self);
  add_notes (self);
}

GtkWidget *
qa_dossier_form_new (void)
{
  return g_object_new (QA_TYPE_DOSSIER_FORM, NULL);
}

QaDossier *
qa_dossier_form_get_dossier (QaDossierForm *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_FORM (self), NULL);

  return self->dossier;
}

void
qa_dossier_form_set_dossier (QaDossierForm *self,
                             QaDossier     *dossier,
                             gboolean       is_new)
{
  double score;

  g_return_if_fail (QA_IS_DOSSIER_FORM (self));
  g_return_if_fail (QA_IS_DOSSIER (dossier));

  g_set_object (&self->dossier, dossier);

  self->loading = TRUE;
  for (guint field = 0; field < QA_DOSSIER_N_TEXT_FIELDS; field++)
    {
      self->touched[field] = !is_new;
      set_field_text (self, field, qa_dossier_get_text (dossier, field));
      check_field (self, field);
    }

  score = qa_dossier_get_self_score (dossier);
  if (score >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%g", score);

      gtk_editable_set_text (GTK_EDITABLE (self->self_score_entry), text);
    }
  else
    {
      gtk_editable_set_text (GTK_EDITABLE (self->self_score_entry), "");
    }
  check_self_score (self);

  gtk_check_button_set_active (self->legal_person_check, qa_dossier_get_legal_person (dossier));
  self->loading = FALSE;

  /* A reference names the applicant for good; only a new one is typed. */
  gtk_widget_set_sensitive (self->fields[QA_DOSSIER_ID], is_new);
}

void
qa_dossier_form_set_max_points (QaDossierForm *self,
                                guint          max_points)
{
  g_return_if_fail (QA_IS_DOSSIER_FORM (self));

  if (self->max_points == max_points)
    return;

  self->max_points = max_points;
  update_self_score_caption (self);
  check_self_score (self);
}

gboolean
qa_dossier_form_is_valid (QaDossierForm *self)
{
  g_return_val_if_fail (QA_IS_DOSSIER_FORM (self), FALSE);

  if (self->dossier == NULL || self->self_score_problem != NULL)
    return FALSE;

  for (guint field = 0; field < QA_DOSSIER_N_TEXT_FIELDS; field++)
    if (self->problems[field] != NULL)
      return FALSE;

  return TRUE;
}

GtkWidget *
qa_dossier_form_get_field (QaDossierForm  *self,
                           QaDossierField  field)
{
  g_return_val_if_fail (QA_IS_DOSSIER_FORM (self), NULL);
  g_return_val_if_fail (field < QA_DOSSIER_N_TEXT_FIELDS, NULL);

  return self->fields[field];
}

const char *
qa_dossier_form_get_problem (QaDossierForm  *self,
                             QaDossierField  field)
{
  g_return_val_if_fail (QA_IS_DOSSIER_FORM (self), NULL);
  g_return_val_if_fail (field < QA_DOSSIER_N_TEXT_FIELDS, NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->problem_labels[field])) ? self->problems[field]
                                                                           : NULL;
}
