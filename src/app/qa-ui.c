/* qa-ui.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "qa-problems-dialog.h"
#include "qa-ui-private.h"

void
_qa_ui_dispose_children (GtkWidget *widget)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

void
_qa_ui_stop_search_cb (gpointer        owner,
                       GtkSearchEntry *entry)
{
  g_assert (GTK_IS_SEARCH_ENTRY (entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

char *
_qa_ui_dup_local_time (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  int year, month, day;
  char tail;

  if (iso == NULL)
    return NULL;

  /* A date has no time zone: the day it names is the day shown. */
  if (strlen (iso) == 10 && sscanf (iso, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3 &&
      (local = g_date_time_new_local (year, month, day, 0, 0, 0)) != NULL)
    /* Translators: a date, as in g_date_time_format(); Chinese: %Y年%-m月%-d日 */
    return g_date_time_format (local, C_("date", "%b %-d, %Y"));

  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return g_strdup (iso);

  local = g_date_time_to_local (utc);
  /* Translators: a date and time of day, as in g_date_time_format(); Chinese:
   * %Y年%-m月%-d日 %H:%M */
  return g_date_time_format (local, C_("date and time", "%b %-d, %Y %H:%M"));
}

GtkWindow *
_qa_ui_get_window (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_qa_ui_show_error (GtkWidget  *widget,
                   const char *heading,
                   const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (heading != NULL);

  /* A refusal with many reasons names one a line: they are shown in a list of their own. */
  if (message != NULL && strchr (message, '\n') != NULL)
    {
      dialog = GTK_WIDGET (qa_problems_dialog_new (_qa_ui_get_window (widget), heading, NULL,
                                                   message));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  dialog = adw_message_dialog_new (_qa_ui_get_window (widget), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_qa_ui_add_toast (GtkWidget *widget,
                  AdwToast  *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      g_debug ("No toast overlay around %s: %s", G_OBJECT_TYPE_NAME (widget),
               adw_toast_get_title (toast));
      g_object_unref (toast);
      return;
    }

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
open_file_cb (AdwToast *toast,
              gpointer  user_data)
{
  GtkWidget *widget = user_data;
  const char *uri = g_object_get_data (G_OBJECT (toast), "qa-uri");

  gtk_show_uri (_qa_ui_get_window (widget), uri, GDK_CURRENT_TIME);
}

void
_qa_ui_toast_open_file (AdwToast  *toast,
                        GtkWidget *widget,
                        GFile     *file)
{
  g_return_if_fail (ADW_IS_TOAST (toast));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (G_IS_FILE (file));

  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "qa-uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_file_cb), widget, 0);
}

GFile *
_qa_ui_dup_private_file (const char  *folder,
                         const char  *name,
                         GError     **error)
{
  g_autofree char *directory = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  directory = g_build_filename (g_get_user_cache_dir (), "qareview", folder, NULL);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), directory, g_strerror (saved_errno));
      return NULL;
    }
  /* Trade secrets may pass through here. */
  g_chmod (directory, 0700);

  path = g_build_filename (directory, name, NULL);
  return g_file_new_for_path (path);
}

guint
_qa_ui_remove_private_files (const char *folder)
{
  g_autofree char *directory = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  g_return_val_if_fail (folder != NULL, 0);

  directory = g_build_filename (g_get_user_cache_dir (), "qareview", folder, NULL);
  dir = g_dir_open (directory, 0, NULL);
  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_remove (path) == 0)
        n++;
    }
  return n;
}

GtkFileChooserNative *
_qa_ui_file_chooser_new (GtkWidget            *widget,
                         const char           *title,
                         GtkFileChooserAction  action,
                         const char           *accept_label)
{
  GtkFileChooserNative *chooser;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  chooser = gtk_file_chooser_native_new (title, _qa_ui_get_window (widget), action, accept_label,
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

void
_qa_ui_add_file_filter (GtkFileChooserNative *chooser,
                        const char           *name,
                        const char           *mime_type,
                        const char           *pattern)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
}

typedef struct
{
  GtkWidget        *widget;  /* weak */
  QaFileChosenFunc  chosen;
} ChooserData;

static void
chooser_response_cb (GtkFileChooserNative *chooser,
                     int                   response,
                     ChooserData          *data)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && data->widget != NULL)
    data->chosen (data->widget, file, GTK_FILE_CHOOSER (chooser));

  g_clear_weak_pointer (&data->widget);
  g_free (data);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

void
_qa_ui_run_file_chooser (GtkFileChooserNative *chooser,
                         GtkWidget            *widget,
                         QaFileChosenFunc      chosen)
{
  ChooserData *data;

  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (chooser));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (chosen != NULL);

  data = g_new0 (ChooserData, 1);
  g_set_weak_pointer (&data->widget, widget);
  data->chosen = chosen;

  /* The chooser and the data go in the response handler. */
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
label_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

GtkListItemFactory *
_qa_ui_label_factory_new (GCallback      bind,
                          gpointer       user_data,
                          GDestroyNotify destroy)
{
  GtkListItemFactory *factory;

  g_return_val_if_fail (bind != NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (label_setup_cb), NULL);
  g_signal_connect_data (factory, "bind", bind, user_data,
                         (GClosureNotify)(void (*) (void))destroy, 0);

  return factory;
}

void
_qa_ui_column_set_factory (GtkColumnViewColumn *column,
                           GCallback            setup,
                           GCallback            bind,
                           gpointer             data)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (column));

  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  gtk_column_view_column_set_factory (column, factory);
}

QaApplicant *
_qa_ui_find_applicant (QaSession  *session,
                       const char *id)
{
  GListModel *applicants;

  g_return_val_if_fail (QA_IS_SESSION (session), NULL);

  if (id == NULL)
    return NULL;

  applicants = qa_session_get_applicants (session);
  for (guint i = 0; i < g_list_model_get_n_items (applicants); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (applicants, i);

      if (g_strcmp0 (qa_applicant_get_id (applicant), id) == 0)
        return applicant;
    }

  return NULL;
}

static gboolean
ellipsized_query_tooltip_cb (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard,
                             GtkTooltip *tooltip,
                             gpointer    data)
{
  GtkLabel *label = GTK_LABEL (widget);

  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/* @label shows its whole text as a tooltip when it is cut short, whatever text it is given
 * later: the tooltip is made when asked for, not each time the text changes (in a list's
 * cells, setting a tooltip on every bind costs a look for the widget under the pointer). */
void
_qa_ui_label_tooltip_when_ellipsized (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_set_has_tooltip (GTK_WIDGET (label), TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (ellipsized_query_tooltip_cb), NULL);
}

const char *
_qa_ui_eligibility_icon_name (QaEligibility eligibility)
{
  switch (eligibility)
    {
    case QA_ELIGIBILITY_ELIGIBLE:
      return "emblem-ok-symbolic";

    case QA_ELIGIBILITY_INELIGIBLE:
      return "window-close-symbolic";

    case QA_ELIGIBILITY_PENDING:
      return "dialog-question-symbolic";

    case QA_ELIGIBILITY_UNCHECKED:
    default:
      return NULL;
    }
}

const char *
_qa_ui_eligibility_style (QaEligibility eligibility)
{
  switch (eligibility)
    {
    case QA_ELIGIBILITY_ELIGIBLE:
      return "success";

    case QA_ELIGIBILITY_INELIGIBLE:
      return "error";

    case QA_ELIGIBILITY_PENDING:
      return "warning";

    case QA_ELIGIBILITY_UNCHECKED:
    default:
      return "dim-label";
    }
}

char **
_qa_ui_dup_status_classes (QaApplicantStatus status)
{
  const char *tone;

  switch (status)
    {
    case QA_APPLICANT_STATUS_MATERIAL:
    case QA_APPLICANT_STATUS_SITE:
      tone = "accent";
      break;

    case QA_APPLICANT_STATUS_CANDIDATE:
    case QA_APPLICANT_STATUS_AWARDED:
    case QA_APPLICANT_STATUS_ELIGIBLE:
      tone = "success";
      break;

    case QA_APPLICANT_STATUS_NOT_ACCEPTED:
    case QA_APPLICANT_STATUS_NOT_ADVANCED:
    case QA_APPLICANT_STATUS_REVOKED:
      tone = "error";
      break;

    case QA_APPLICANT_STATUS_APPLIED:
    default:
      tone = "neutral";
      break;
    }

  return g_strdupv ((char *[]) { (char *)"status-pill", (char *)tone, NULL });
}

void
_qa_ui_add_capture_shortcuts (GtkWidget           *widget,
                              const QaKeyShortcut *keys,
                              guint                n_keys)
{
  GtkEventController *controller;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (keys != NULL || n_keys == 0);

  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);

  for (guint i = 0; i < n_keys; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].keyval,
                                                                                    keys[i].modifiers),
                                                            gtk_named_action_new (keys[i].action_name)));

  gtk_widget_add_controller (widget, controller);
}

/* Only digits get into the field; the rest means nothing in a percentage. */
static void
digits_only_cb (GtkEditable *delegate,
                const char  *text,
                int          length,
                int         *position,
                gpointer     user_data)
{
  if (length < 0)
    length = strlen (text);

  for (int i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        {
          g_signal_stop_emission_by_name (delegate, "insert-text");
          gtk_widget_error_bell (GTK_WIDGET (delegate));
          return;
        }
    }
}

void
_qa_ui_accept_digits_only (GtkEditable *editable)
{
  g_signal_connect (gtk_editable_get_delegate (editable), "insert-text",
                    G_CALLBACK (digits_only_cb), NULL);
}

void
_qa_ui_follow_session (gpointer    widget,
                       QaSession **slot,
                       QaSession  *session,
                       GCallback   refresh)
{
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (qa_session_get_database (*slot), refresh, widget);
  g_set_object (slot, session);
  if (session != NULL)
    g_signal_connect_object (qa_session_get_database (session), "changed", refresh, widget,
                             G_CONNECT_SWAPPED);
}

/* The widest a tooltip's line gets before it wraps, in pixels. */
#define TOOLTIP_MAX_WIDTH 480

/* GTK 4.8 sizes its tooltip window to the minimum width of its wrapped label, which for text
 * with a break chance between every two characters (Chinese) is one character: tooltips came out
 * one character a line. The label is GTK's own: it is reached once per tooltip through a custom
 * widget placed beside it for the moment, and whenever its text changes it asks for the width
 * of that text on one line, up to TOOLTIP_MAX_WIDTH, beyond which it wraps. */
static void
tooltip_label_changed_cb (GtkLabel   *label,
                          GParamSpec *pspec,
                          gpointer    data)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (label), NULL);
  PangoFontMetrics *metrics =
    pango_context_get_metrics (gtk_widget_get_pango_context (GTK_WIDGET (label)), NULL, NULL);
  int char_width = MAX (1, pango_font_metrics_get_approximate_char_width (metrics) / PANGO_SCALE);
  int width = 0;

  pango_font_metrics_unref (metrics);
  if (gtk_label_get_use_markup (label))
    pango_layout_set_markup (layout, gtk_label_get_label (label), -1);
  else
    pango_layout_set_text (layout, gtk_label_get_label (label), -1);
  pango_layout_get_pixel_size (layout, &width, NULL);
  /* In the label's own measure, so its height is that of the text at this width: one line. */
  gtk_label_set_width_chars (label, (MIN (width, TOOLTIP_MAX_WIDTH) + char_width - 1) / char_width);
}

static gboolean
unwrap_tooltip_hook (GSignalInvocationHint *hint,
                     guint                  n_params,
                     const GValue          *params,
                     gpointer               data)
{
  GtkTooltip *tooltip;
  GtkWidget *marker;

  if (n_params < 5 || !G_VALUE_HOLDS (&params[4], GTK_TYPE_TOOLTIP))
    return TRUE;
  tooltip = g_value_get_object (&params[4]);
  if (tooltip == NULL || g_object_get_data (G_OBJECT (tooltip), "qa-unwrapped") != NULL)
    return TRUE;

  marker = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_tooltip_set_custom (tooltip, marker);
  if (gtk_widget_get_parent (marker) != NULL)
    for (GtkWidget *sibling = gtk_widget_get_first_child (gtk_widget_get_parent (marker));
         sibling != NULL;
         sibling = gtk_widget_get_next_sibling (sibling))
      if (GTK_IS_LABEL (sibling))
        {
          g_signal_connect (sibling, "notify::label", G_CALLBACK (tooltip_label_changed_cb), NULL);
          g_object_set_data (G_OBJECT (tooltip), "qa-unwrapped", GINT_TO_POINTER (TRUE));
        }
  gtk_tooltip_set_custom (tooltip, NULL);

  return TRUE;
}

void
_qa_ui_unwrap_tooltips (void)
{
  static gsize installed = 0;

  if (g_once_init_enter (&installed))
    {
      /* The signal exists once the class does. */
      g_autoptr(GTypeClass) klass = g_type_class_ref (GTK_TYPE_WIDGET);
      guint signal_id = g_signal_lookup ("query-tooltip", GTK_TYPE_WIDGET);

      g_signal_add_emission_hook (signal_id, 0, unwrap_tooltip_hook, NULL, NULL);
      g_once_init_leave (&installed, 1);
    }
}
