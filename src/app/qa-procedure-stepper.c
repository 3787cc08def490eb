/* qa-procedure-stepper.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-procedure-stepper"

#include "config.h"

#include <glib/gi18n.h>

#include "qa-pending.h"
#include "qa-procedure-stepper.h"
#include "qa-ui-private.h"

/* Where the session stands, as core says (qa_session_get_progress): each stage is a button to
 * the page that does its work; the current one shows its progress and what is still needed. */
struct _QaProcedureStepper
{
  GtkWidget   parent_instance;

  /* Owned */
  QaSession  *session;

  QaStage     stage;
  GtkWidget  *markers[QA_N_STAGES];
  GtkWidget  *buttons[QA_N_STAGES];
  GtkWidget  *titles[QA_N_STAGES];
  GtkWidget  *counts[QA_N_STAGES];
  /* The line from each stage down to the next. */
  GtkWidget  *connectors[QA_N_STAGES - 1];

  /* Template widgets */
  GtkLabel   *needed_label;
  GtkGrid    *steps_grid;

  /* Where the session stands is read in a worker thread: this reading, while it runs. */
  GCancellable *reading;
};

G_DEFINE_FINAL_TYPE (QaProcedureStepper, qa_procedure_stepper, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STAGE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_steps (QaProcedureStepper *self)
{
  for (guint i = 0; i < QA_N_STAGES; i++)
    {
      const char *state;
      const char *marker;
      const char *title_state;

      if (i < self->stage)
        {
          state = "done";
          marker = "✓";
          title_state = _("done");
        }
      else if (i == self->stage)
        {
          state = "current";
          marker = "●";
          title_state = _("current stage");
        }
      else
        {
          state = "to-come";
          marker = "";
          title_state = _("still to come");
        }

      if (i != self->stage)
        gtk_label_set_label (GTK_LABEL (self->counts[i]), NULL);
      gtk_label_set_label (GTK_LABEL (self->markers[i]), marker);
      gtk_widget_set_css_classes (self->markers[i],
                                  (const char *[]) { "step-marker", state, NULL });
      gtk_widget_set_css_classes (self->titles[i],
                                  (const char *[]) { "step-title", state, NULL });
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->titles[i]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title_state,
                                      -1);

      if (i < QA_N_STAGES - 1)
        gtk_widget_set_css_classes (self->connectors[i],
                                    (const char *[]) { "step-connector",
                                                       i < self->stage ? "done" : "to-come",
                                                       NULL });
    }
}

/* The page that does a stage's work. */
static const char *
stage_page (QaStage stage)
{
  switch (stage)
    {
    case QA_STAGE_APPLICATION:
    case QA_STAGE_ELIGIBILITY:
      return "dossiers";
    case QA_STAGE_MATERIAL:
    case QA_STAGE_SITE:
      return "consensus";
    case QA_STAGE_COMPREHENSIVE:
    case QA_STAGE_NOTICE:
    case QA_STAGE_AWARD:
    default:
      return "shortlist";
    }
}

static void
step_clicked_cb (GtkButton          *button,
                 QaProcedureStepper *self)
{
  QaStage stage = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "stage"));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", stage_page (stage));
}

/* A grid: markers and the lines between them in the first column, the stages' buttons in the
 * second. */
static void
add_steps (QaProcedureStepper *self)
{
  for (guint i = 0; i < QA_N_STAGES; i++)
    {
      g_autofree char *tooltip = NULL;
      GtkWidget *box;

      /* Translators: the paragraph of Art. 16 that defines a stage of the procedure */
      tooltip = g_strdup_printf (_("Art. 16(%u)"), i + 1);

      self->markers[i] = gtk_label_new (NULL);
      gtk_widget_set_halign (self->markers[i], GTK_ALIGN_CENTER);
      gtk_widget_set_valign (self->markers[i], GTK_ALIGN_CENTER);
      gtk_grid_attach (self->steps_grid, self->markers[i], 0, 2 * i, 1, 1);

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      self->titles[i] = gtk_label_new (qa_stage_get_title (i));
      gtk_label_set_xalign (GTK_LABEL (self->titles[i]), 0);
      gtk_label_set_wrap (GTK_LABEL (self->titles[i]), FALSE);
      gtk_label_set_wrap_mode (GTK_LABEL (self->titles[i]), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (self->titles[i], TRUE);
      gtk_box_append (GTK_BOX (box), self->titles[i]);
      self->counts[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->counts[i], "numeric");
      gtk_widget_add_css_class (self->counts[i], "step-count");
      gtk_box_append (GTK_BOX (box), self->counts[i]);

      self->buttons[i] = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (self->buttons[i]), box);
      gtk_widget_add_css_class (self->buttons[i], "flat");
      gtk_widget_add_css_class (self->buttons[i], "step-button");
      gtk_widget_set_tooltip_text (self->buttons[i], tooltip);
      g_object_set_data (G_OBJECT (self->buttons[i]), "stage", GUINT_TO_POINTER (i));
      g_signal_connect (self->buttons[i], "clicked", G_CALLBACK (step_clicked_cb), self);
      gtk_grid_attach (self->steps_grid, self->buttons[i], 1, 2 * i, 1, 1);

      if (i < QA_N_STAGES - 1)
        {
          self->connectors[i] = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          gtk_widget_set_halign (self->connectors[i], GTK_ALIGN_CENTER);
          gtk_grid_attach (self->steps_grid, self->connectors[i], 0, 2 * i + 1, 1, 1);
        }
    }
}

static void set_busy (QaProcedureStepper *self,
                      GCancellable       *reading);

static void
qa_procedure_stepper_dispose (GObject *object)
{
  QaProcedureStepper *self = (QaProcedureStepper *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QA_TYPE_PROCEDURE_STEPPER);
  /* gtk_widget_dispose_template() only unparents the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  _qa_ui_follow_session (self, &self->session, NULL, G_CALLBACK (qa_procedure_stepper_refresh));
  set_busy (self, NULL);

  G_OBJECT_CLASS (qa_procedure_stepper_parent_class)->dispose (object);
}

static void
qa_procedure_stepper_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  QaProcedureStepper *self = QA_PROCEDURE_STEPPER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_STAGE:
      g_value_set_uint (value, self->stage);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->reading != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_procedure_stepper_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  QaProcedureStepper *self = QA_PROCEDURE_STEPPER (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      qa_procedure_stepper_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qa_procedure_stepper_class_init (QaProcedureStepperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_procedure_stepper_dispose;
  object_class->get_property = qa_procedure_stepper_get_property;
  object_class->set_property = qa_procedure_stepper_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         QA_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* QaStage has no GType of its own; the value is a QaStage. */
  properties[PROP_STAGE] =
    g_param_spec_uint ("stage", NULL, NULL,
                       0, QA_N_STAGES - 1, QA_STAGE_APPLICATION,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/qa-procedure-stepper.ui");
  gtk_widget_class_bind_template_child (widget_class, QaProcedureStepper, needed_label);
  gtk_widget_class_bind_template_child (widget_class, QaProcedureStepper, steps_grid);

  gtk_widget_class_set_css_name (widget_class, "procedure-stepper");
}

static void
qa_procedure_stepper_init (QaProcedureStepper *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_steps (self);
  update_steps (self);
}

GtkWidget *
qa_procedure_stepper_new (void)
{
  return g_object_new (QA_TYPE_PROCEDURE_STEPPER, NULL);
}

QaStage
qa_procedure_stepper_get_stage (QaProcedureStepper *self)
{
  g_return_val_if_fail (QA_IS_PROCEDURE_STEPPER (self), QA_STAGE_APPLICATION);

  return self->stage;
}

/* What is still needed is listed up to this many lines; the rest are counted. */
#define NEEDED_SHOWN 5
/* … each of core's missing sheets up to this many characters in the sidebar (two or three of
 * its lines: the reviewer and the first references), and up to this many in the stage's
 * tooltip. */
#define NEEDED_LINE_CHARS_SHOWN 48
#define NEEDED_LINE_CHARS_TOOLTIP 160

/* @lines as a list of what is still needed, a bullet each. The first @n_cut are core's missing
 * sheets, which may name every applicant a reviewer still has to score: their start is enough,
 * @max_chars characters. The rest (how many more, the next step) are shown whole. */
static char *
dup_needed (GPtrArray *lines,
            guint      n_cut,
            guint      max_chars)
{
  GString *needed = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      g_autofree char *shortened = NULL;

      if (i > 0)
        g_string_append_c (needed, '\n');
      if (i < n_cut && g_utf8_strlen (line, -1) > max_chars)
        line = shortened = g_strdup_printf ("%.*s…",
                                            (int)(g_utf8_offset_to_pointer (line, max_chars) - line),
                                            line);
      /* Translators: a bullet before what is still needed in the procedure */
      g_string_append_printf (needed, _("• %s"), line);
    }
  return g_string_free (needed, FALSE);
}

/* Shows where the session stands (@progress NULL: no session, or it could not be read). */
static void
show_progress (QaProcedureStepper *self,
               const QaProgress   *progress)
{
  g_autofree char *summary = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *needed = NULL;
  g_autofree char *needed_tooltip = NULL;
  guint n_cut = 0;
  QaStage stage = QA_STAGE_APPLICATION;

  if (progress != NULL)
    {
      const QaStageProgress *review = NULL;
      gboolean review_missing;

      stage = progress->current;
      if (stage == QA_STAGE_MATERIAL)
        review = &progress->material;
      else if (stage == QA_STAGE_SITE)
        review = &progress->site;
      review_missing = review != NULL;

      if (review != NULL && review->panel_formed)
        /* Translators: score sheets received of those expected, shown beside the stage
         * (资料评审 4/7); the tooltip says what they are */
        summary = g_strdup_printf (C_("sheets received", "%u/%u"),
                                   review->sheets_received, review->sheets_expected);
      /* Before a stage's panel is formed, what it lacks is that panel, and the next step
       * (advancing the applicants to site review, forming the panel) says how to get one. */
      if (review != NULL && !review->panel_formed)
        review_missing = FALSE;
      if (review_missing)
        for (; n_cut < review->missing->len && n_cut < NEEDED_SHOWN; n_cut++)
          g_ptr_array_add (lines, g_strdup (g_ptr_array_index (review->missing, n_cut)));
      /* A province's missing sheets run to thousands: a few, and how many more. */
      if (review_missing && review->missing->len > NEEDED_SHOWN)
        {
          guint more = review->missing->len - NEEDED_SHOWN;

          g_ptr_array_add (lines, g_strdup_printf (ngettext ("and %u more", "and %u more", more), more));
        }
      if (progress->next_step != NULL && (!review_missing || review->missing->len == 0))
        g_ptr_array_add (lines, g_strdup (progress->next_step));
      if (review != NULL && review->panel_formed)
        {
          g_autofree char *sheets = g_strdup_printf (ngettext ("%u of %u score sheet received",
                                                               "%u of %u score sheets received",
                                                               review->sheets_expected),
                                                     review->sheets_received, review->sheets_expected);

          gtk_accessible_update_property (GTK_ACCESSIBLE (self->counts[stage]),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, sheets, -1);
          gtk_widget_set_tooltip_text (self->counts[stage], sheets);
        }
    }

  if (self->stage != stage)
    {
      self->stage = stage;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
    }
  update_steps (self);
  gtk_label_set_label (GTK_LABEL (self->counts[stage]), summary);
  needed = dup_needed (lines, n_cut, NEEDED_LINE_CHARS_SHOWN);
  needed_tooltip = dup_needed (lines, n_cut, NEEDED_LINE_CHARS_TOOLTIP);
  gtk_label_set_label (self->needed_label, needed);
  gtk_widget_set_visible (GTK_WIDGET (self->needed_label), lines->len > 0);
  gtk_widget_set_tooltip_text (self->buttons[stage], lines->len > 0 ? needed_tooltip : NULL);
}

static void
set_busy (QaProcedureStepper *self,
          GCancellable       *reading)
{
  gboolean was_busy = self->reading != NULL;

  if (self->reading != NULL)
    g_cancellable_cancel (self->reading);
  g_set_object (&self->reading, reading);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY, reading != NULL, -1);
  if (was_busy != (reading != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
progress_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(QaProcedureStepper) self = user_data;
  g_autoptr(QaProgress) progress = NULL;
  g_autoptr(GError) error = NULL;

  if (!_qa_pending_read_progress_finish (result, self->session, self->reading, &progress, &error))
    return;
  if (progress == NULL)
    g_warning ("Cannot read where the session stands: %s", error->message);

  set_busy (self, NULL);
  show_progress (self, progress);
}

/* Reads where the session stands, in a worker thread (at a province's scale the consensus of
 * every item is counted), and shows it when it is read. Until then the stepper shows what it
 * showed, and is busy. */
void
qa_procedure_stepper_refresh (QaProcedureStepper *self)
{
  g_autoptr(GCancellable) reading = NULL;

  g_return_if_fail (QA_IS_PROCEDURE_STEPPER (self));

  if (self->session == NULL)
    {
      set_busy (self, NULL);
      show_progress (self, NULL);
      return;
    }

  reading = g_cancellable_new ();
  set_busy (self, reading);
  _qa_pending_read_progress (self->session, reading, progress_read_cb, g_object_ref (self));
}

gboolean
qa_procedure_stepper_get_busy (QaProcedureStepper *self)
{
  g_return_val_if_fail (QA_IS_PROCEDURE_STEPPER (self), FALSE);

  return self->reading != NULL;
}

QaSession *
qa_procedure_stepper_get_session (QaProcedureStepper *self)
{
  g_return_val_if_fail (QA_IS_PROCEDURE_STEPPER (self), NULL);

  return self->session;
}

void
qa_procedure_stepper_set_session (QaProcedureStepper *self,
                                  QaSession          *session)
{
  g_return_if_fail (QA_IS_PROCEDURE_STEPPER (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (self->session == session)
    {
      if (session != NULL)
        qa_procedure_stepper_refresh (self);
      return;
    }

  _qa_ui_follow_session (self, &self->session, session, G_CALLBACK (qa_procedure_stepper_refresh));

  qa_procedure_stepper_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
