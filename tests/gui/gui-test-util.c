/* gui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <check.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "qa-dossiers-view.h"
#include "qa-pending.h"

gboolean
gui_test_iterate_until (gboolean (*done) (gpointer),
                        gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;

      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

/* Some of what a window shows is read in worker threads (where the session stands) and long
 * lists fill a screenful a frame: settled means those are in too. */
static gboolean
window_reading (void)
{
  return _qa_pending_any ();
}

static gboolean
idle_done (gpointer data)
{
  return !g_main_context_pending (NULL) && !window_reading ();
}

void
gui_test_settle (void)
{
  gui_test_iterate_until (idle_done, NULL);
}

gboolean
gui_test_widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

void
gui_test_remove_tmpdir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      if (g_file_test (file, G_FILE_TEST_IS_DIR))
        gui_test_remove_tmpdir (file);
      else
        g_unlink (file);
    }

  g_rmdir (path);
}

static void
append_visible_text (GtkWidget *widget,
                     GString   *text)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      g_autofree char *content = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      content = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_string_append (text, content);
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    append_visible_text (child, text);
}

char *
gui_test_dup_visible_text (GtkWidget *root)
{
  GString *text = g_string_new ("\n");

  append_visible_text (root, text);

  return g_string_free (text, FALSE);
}

void
gui_test_assert_on_screen (GtkWidget  *root,
                           const char *expected)
{
  g_autofree char *text = gui_test_dup_visible_text (root);

  ck_assert_msg (strstr (text, expected) != NULL,
                 "“%s” is not on screen; the labels read:%s", expected, text);
}

typedef struct
{
  GtkWidget  *root;
  const char *expected;
} OnScreen;

static gboolean
is_on_screen (gpointer data)
{
  OnScreen *on_screen = data;
  g_autofree char *text = gui_test_dup_visible_text (on_screen->root);

  return strstr (text, on_screen->expected) != NULL;
}

/* Waits (up to gui_test_iterate_until()'s deadline) until @expected is in the text on screen
 * under @root: what a worker thread or the next frame puts there. */
gboolean
gui_test_wait_on_screen (GtkWidget  *root,
                         const char *expected)
{
  OnScreen on_screen = { root, expected };

  return gui_test_iterate_until (is_on_screen, &on_screen);
}

void
gui_test_assert_label_on_screen (GtkWidget  *root,
                                 const char *expected)
{
  g_autofree char *line = g_strdup_printf ("\n%s\n", expected);

  gui_test_assert_on_screen (root, line);
}

void
gui_test_assert_not_on_screen (GtkWidget  *root,
                               const char *unexpected)
{
  g_autofree char *text = gui_test_dup_visible_text (root);

  ck_assert_msg (strstr (text, unexpected) == NULL,
                 "“%s” is on screen; the labels read:%s", unexpected, text);
}

GtkWindow *
gui_test_find_window (GType      type,
                      GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != except && G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        found = window;
    }

  return found;
}

typedef struct
{
  GType      type;
  GtkWindow *except;
} WindowWanted;

static gboolean
window_is_shown (gpointer data)
{
  WindowWanted *wanted = data;

  return gui_test_find_window (wanted->type, wanted->except) != NULL;
}

GtkWindow *
gui_test_wait_for_window (GType      type,
                          GtkWindow *except)
{
  WindowWanted wanted = { type, except };
  GtkWindow *found;

  ck_assert_msg (gui_test_iterate_until (window_is_shown, &wanted), "no %s came up",
                 g_type_name (type));
  found = gui_test_find_window (type, except);
  ck_assert (gui_test_iterate_until (gui_test_widget_is_mapped, found));
  gui_test_settle ();
  return found;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *label)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), label) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, label))
      return TRUE;

  return FALSE;
}

GtkWidget *
gui_test_find_labelled (GtkWidget  *root,
                        GType       type,
                        const char *label)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && has_label (root, label))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_labelled (child, type, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
gui_test_find_matching (GtkWidget    *root,
                        GuiTestMatch  match,
                        gconstpointer data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = gui_test_find_matching (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *)type);
}

GtkWidget *
gui_test_find_widget (GtkWidget *root,
                      GType      type)
{
  return gui_test_find_matching (root, is_of_type, &type);
}

typedef struct
{
  GtkWidget  *root;
  GHashTable *seen;      /* lower-case keyval → the first label that uses it */
  GString    *clashes;
  GPtrArray  *popovers;  /* natives on screen inside @root: their own scope */
} MnemonicScope;

/* A GuiTestMatch that never matches: it notes @widget's access key in the scope @data. */
static gboolean
collect_mnemonic (GtkWidget     *widget,
                  gconstpointer  data)
{
  MnemonicScope *scope = (MnemonicScope *) data;
  guint keyval;
  GtkWidget *target;
  GtkWidget *other;

  /* A widget off screen, or inside a popover on screen (its own scope), is not ours. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (widget != scope->root && GTK_IS_NATIVE (widget))
    {
      g_ptr_array_add (scope->popovers, widget);
      return FALSE;
    }
  if (gtk_widget_get_native (widget) != gtk_widget_get_native (scope->root))
    return FALSE;

  if (!GTK_IS_LABEL (widget) || !gtk_label_get_use_underline (GTK_LABEL (widget)))
    return FALSE;
  keyval = gtk_label_get_mnemonic_keyval (GTK_LABEL (widget));
  if (keyval == GDK_KEY_VoidSymbol)
    return FALSE;

  /* What the key activates: two labels of one widget (a row's title shown twice) are one
   * access key. */
  target = gtk_label_get_mnemonic_widget (GTK_LABEL (widget));
  if (target == NULL)
    target = gtk_widget_get_ancestor (widget, GTK_TYPE_BUTTON);
  if (target == NULL)
    target = widget;

  keyval = gdk_keyval_to_lower (keyval);
  other = g_hash_table_lookup (scope->seen, GUINT_TO_POINTER (keyval));
  if (other == NULL)
    g_hash_table_insert (scope->seen, GUINT_TO_POINTER (keyval), widget);
  else if (other != target &&
           gtk_label_get_mnemonic_widget (GTK_LABEL (other)) != target &&
           gtk_widget_get_ancestor (other, GTK_TYPE_BUTTON) != target)
    g_string_append_printf (scope->clashes, " “%s” and “%s” (Alt+%s);",
                            gtk_label_get_label (GTK_LABEL (other)),
                            gtk_label_get_label (GTK_LABEL (widget)),
                            gdk_keyval_name (keyval));
  return FALSE;
}

static void
append_mnemonic_clashes (GtkWidget  *root,
                         const char *where,
                         GString    *out)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GString) clashes = g_string_new (NULL);
  g_autoptr(GPtrArray) popovers = g_ptr_array_new ();
  MnemonicScope scope = { root, seen, clashes, popovers };

  gui_test_find_matching (root, collect_mnemonic, &scope);
  if (clashes->len > 0)
    g_string_append_printf (out, "\n  %s: the same access key twice:%s", where, clashes->str);

  for (guint i = 0; i < popovers->len; i++)
    {
      g_autofree char *inside = g_strdup_printf ("%s, its %s", where,
                                                 G_OBJECT_TYPE_NAME (popovers->pdata[i]));

      append_mnemonic_clashes (popovers->pdata[i], inside, out);
    }
}

char *
gui_test_dup_mnemonic_clashes (GtkWidget  *root,
                               const char *where)
{
  GString *out = g_string_new (NULL);

  ck_assert_msg (gtk_widget_get_mapped (root), "%s is not on screen", where);
  append_mnemonic_clashes (root, where, out);
  return g_string_free (out, FALSE);
}

void
gui_test_assert_unique_mnemonics (GtkWidget  *root,
                                  const char *where)
{
  g_autofree char *clashes = gui_test_dup_mnemonic_clashes (root, where);

  ck_assert_msg (*clashes == '\0', "%s", clashes);
}

static gboolean
trigger_matches (GtkShortcutTrigger *trigger,
                 guint               keyval,
                 GdkModifierType     mods)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_matches (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, mods) ||
           trigger_matches (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                            keyval, mods);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods;
}

/* The first shortcut of @widget's controllers in @phase bound to @keyval + @mods, activated. */
static gboolean
run_shortcut (GtkWidget           *widget,
              GtkPropagationPhase  phase,
              guint                keyval,
              GdkModifierType      mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_matches (gtk_shortcut_get_trigger (shortcut), keyval, mods))
            {
              ck_assert (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       widget, gtk_shortcut_get_arguments (shortcut)));
              gui_test_settle ();
              return TRUE;
            }
        }
    }

  return FALSE;
}

GtkWidget *
gui_test_press_shortcut (GtkWidget  *focus,
                         const char *accel)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  guint keyval = 0;
  GdkModifierType mods = 0;

  ck_assert_msg (gtk_accelerator_parse (accel, &keyval, &mods), "“%s” is not a key", accel);

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    g_ptr_array_add (path, widget);

  /* As GTK delivers a key: capture from the window down, then bubble from the focus up. */
  for (guint i = path->len; i > 0; i--)
    if (run_shortcut (path->pdata[i - 1], GTK_PHASE_CAPTURE, keyval, mods))
      return path->pdata[i - 1];
  for (guint i = 0; i < path->len; i++)
    if (run_shortcut (path->pdata[i], GTK_PHASE_BUBBLE, keyval, mods))
      return path->pdata[i];

  return NULL;
}

GFile *
gui_test_write_pdf (const char *dir,
                    const char *name,
                    guint       n_pages)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *text = g_strdup_printf ("Self-assessment report, page %u", i + 1);

      cairo_move_to (cr, 72, 100);
      cairo_set_font_size (cr, 18);
      cairo_show_text (cr, text);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ck_assert_int_eq (cairo_surface_status (surface), CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_file_new_for_path (path);
}

/* The case "no-poppler", only where poppler is made to fail to load (it loads once a process, so
 * its test runs alone: the -no-poppler tests set QAREVIEW_POPPLER_LIBRARY and CK_RUN_CASE). */
void
gui_test_add_no_poppler_case (Suite       *suite,
                              SFun         setup,
                              SFun         teardown,
                              const TTest *test)
{
  TCase *tc;

  if (g_getenv ("QAREVIEW_POPPLER_LIBRARY") == NULL)
    return;

  tc = tcase_create ("no-poppler");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test);
  suite_add_tcase (suite, tc);
}

int
gui_test_run (Suite *suite)
{
  g_autofree char *cache = g_dir_make_tmp ("qareview-cache-XXXXXX", NULL);
  SRunner *runner;
  int failed;

  /* Materials opened for reading are copied here, not into the user's cache. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  gtk_init ();
  adw_init ();
  /* No blinking cursor either: GTK 4.8's blink timer logs “GtkText - did not receive a
   * focus-out event” when a dialog takes the focus from a field, and test-keyboard fails on
   * every warning. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE, NULL);
  /* The program's own style sheet, which its AdwApplication loads from its resources: sizes
   * measured here are the ones on screen. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, RESOURCE_PREFIX "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  runner = srunner_create (suite);
  srunner_set_fork_status (runner, CK_NOFORK);
  srunner_run_all (runner, CK_ENV);
  failed = srunner_ntests_failed (runner);
  srunner_free (runner);

  gui_test_remove_tmpdir (cache);
  return failed == 0 ? 0 : 1;
}

static gboolean
is_label_reading (GtkWidget     *widget,
                  gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

typedef struct
{
  GtkWidget  *list;
  const char *text;
  GtkWidget  *label;
} LabelSearch;

static gboolean
label_shown (gpointer data)
{
  LabelSearch *search = data;

  search->label = gui_test_find_matching (search->list, is_label_reading, search->text);
  return search->label != NULL;
}

gboolean
gui_test_click_row_showing (GtkWidget  *list,
                            const char *text)
{
  LabelSearch search = { list, text, NULL };
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);

  gui_test_settle ();
  if (!label_shown (&search) && scroller != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      /* A page at a time from the top, as a user scrolls; the list makes its rows a frame later. */
      for (double at = 0; search.label == NULL && at <= gtk_adjustment_get_upper (adjustment);
           at += MAX (gtk_adjustment_get_page_size (adjustment) / 2, 1))
        {
          gtk_adjustment_set_value (adjustment, at);
          gui_test_iterate_until (label_shown, &search);
        }
    }
  if (search.label == NULL)
    return FALSE;

  /* What a click on a row of a list or column view does. */
  if (!gtk_widget_activate_action (search.label, "listitem.select", "(bb)", FALSE, FALSE))
    return FALSE;
  gui_test_settle ();
  return TRUE;
}

static gboolean
is_mapped_of_type (GtkWidget     *widget,
                   gconstpointer  type)
{
  return gtk_widget_get_mapped (widget) && G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *)type);
}

GtkWidget *
gui_test_find_mapped_widget (GtkWidget *root,
                             GType      type)
{
  return gui_test_find_matching (root, is_mapped_of_type, &type);
}

static gboolean
has_tooltip_text (GtkWidget     *widget,
                  gconstpointer  tooltip)
{
  return gtk_widget_get_mapped (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

GtkWidget *
gui_test_find_by_tooltip (GtkWidget  *root,
                          const char *tooltip)
{
  return gui_test_find_matching (root, has_tooltip_text, tooltip);
}

void
gui_test_pick_in_drop_down (GtkWidget  *drop_down,
                            const char *label)
{
  GListModel *choices;
  guint n;
  guint chosen;

  ck_assert_msg (GTK_IS_DROP_DOWN (drop_down) && gtk_widget_get_mapped (drop_down),
                 "no drop-down on screen to pick “%s” in", label != NULL ? label : "the first row");
  choices = gtk_drop_down_get_model (GTK_DROP_DOWN (drop_down));
  n = g_list_model_get_n_items (choices);
  chosen = label == NULL && n > 0 ? 0 : n;
  for (guint i = 0; label != NULL && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (choices, i);

      if (GTK_IS_STRING_OBJECT (item) &&
          g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), label) == 0)
        chosen = i;
    }
  ck_assert_msg (chosen < n, "the drop-down offers no “%s”", label);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), chosen);
  gui_test_settle ();
}

void
gui_test_select_applicant (QaDossiersView *view,
                           const char     *id)
{
  GtkSelectionModel *rows = qa_dossiers_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (rows)); i++)
    {
      g_autoptr(QaApplicant) applicant = g_list_model_get_item (G_LIST_MODEL (rows), i);

      if (g_strcmp0 (qa_applicant_get_id (applicant), id) == 0)
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (rows), i);
          gui_test_settle ();
          return;
        }
    }

  ck_abort_msg ("no row shows %s", id);
}
