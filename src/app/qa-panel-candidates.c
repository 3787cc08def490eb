/* qa-panel-candidates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-panel-candidates"

#include "config.h"

#include <adwaita.h>

#include "qa-panel-candidate-private.h"
#include "qa-panel-candidates.h"
#include "qa-ui-private.h"

struct _QaPanelCandidates
{
  GtkWidget    parent_instance;

  /* Owned */
  GPtrArray   *members;      /* char *, in the order chosen or drawn */
  GPtrArray   *alternates;   /* char * */
  guint        updating;     /* the boxes are being set, not ticked */

  /* Template widgets */
  GListStore  *candidates;
};

G_DEFINE_FINAL_TYPE (QaPanelCandidates, qa_panel_candidates, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
ids_contain (GPtrArray  *ids,
             const char *id)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL);
}

static void
ids_remove (GPtrArray  *ids,
            const char *id)
{
  guint index;

  if (g_ptr_array_find_with_equal_func (ids, id, g_str_equal, &index))
    g_ptr_array_remove_index (ids, index);
}

static void
ids_set (GPtrArray          *ids,
         const char * const *strv)
{
  g_ptr_array_set_size (ids, 0);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_ptr_array_add (ids, g_strdup (strv[i]));
}

/* @ids as a NULL-terminated vector borrowing its strings. */
static const char * const *
ids_as_strv (GPtrArray *ids)
{
  g_ptr_array_add (ids, NULL);
  g_ptr_array_set_size (ids, ids->len - 1);

  return (const char * const *)ids->pdata;
}

static void
candidate_role_changed_cb (QaPanelCandidates *self,
                           GParamSpec        *pspec,
                           QaPanelCandidate  *candidate)
{
  const char *id = qa_expert_get_id (candidate->expert);

  g_assert (QA_IS_PANEL_CANDIDATES (self));

  if (self->updating > 0)
    return;

  if (candidate->member && !ids_contain (self->members, id))
    g_ptr_array_add (self->members, g_strdup (id));
  else if (!candidate->member)
    ids_remove (self->members, id);

  if (candidate->alternate && !ids_contain (self->alternates, id))
    g_ptr_array_add (self->alternates, g_strdup (id));
  else if (!candidate->alternate)
    ids_remove (self->alternates, id);

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
check_setup_cb (QaPanelCandidates        *self,
                GtkListItem              *list_item,
                GtkSignalListItemFactory *factory)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (list_item, check);
}

static void
bind_check (GtkListItem *list_item,
            const char  *property)
{
  QaPanelCandidate *candidate = gtk_list_item_get_item (list_item);
  GtkWidget *check = gtk_list_item_get_child (list_item);
  GBinding *binding;

  binding = g_object_bind_property (candidate, property, check, "active",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (list_item), "binding", binding);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, qa_expert_get_name (candidate->expert),
                                  -1);
}

static void
member_bind_cb (QaPanelCandidates        *self,
                GtkListItem              *list_item,
                GtkSignalListItemFactory *factory)
{
  bind_check (list_item, "member");
}

static void
alternate_bind_cb (QaPanelCandidates        *self,
                   GtkListItem              *list_item,
                   GtkSignalListItemFactory *factory)
{
  bind_check (list_item, "alternate");
}

static void
check_unbind_cb (QaPanelCandidates        *self,
                 GtkListItem              *list_item,
                 GtkSignalListItemFactory *factory)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (list_item), "binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
qa_panel_candidates_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), QA_TYPE_PANEL_CANDIDATES);
  _qa_ui_dispose_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (qa_panel_candidates_parent_class)->dispose (object);
}

static void
qa_panel_candidates_finalize (GObject *object)
{
  QaPanelCandidates *self = (QaPanelCandidates *)object;

  g_clear_pointer (&self->members, g_ptr_array_unref);
  g_clear_pointer (&self->alternates, g_ptr_array_unref);

  G_OBJECT_CLASS (qa_panel_candidates_parent_class)->finalize (object);
}

static void
qa_panel_candidates_class_init (QaPanelCandidatesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qa_panel_candidates_dispose;
  object_class->finalize = qa_panel_candidates_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (QA_TYPE_EXPERT);
  g_type_ensure (QA_TYPE_PANEL_CANDIDATE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/qa-panel-candidates.ui");
  gtk_widget_class_bind_template_child (widget_class, QaPanelCandidates, candidates);
  gtk_widget_class_bind_template_callback (widget_class, alternate_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, member_bind_cb);

  gtk_widget_class_set_css_name (widget_class, "panel-candidates");
}

static void
qa_panel_candidates_init (QaPanelCandidates *self)
{
  self->members = g_ptr_array_new_with_free_func (g_free);
  self->alternates = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

void
qa_panel_candidates_rebuild (QaPanelCandidates *self,
                             QaSession         *session)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) ties = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *experts;

  g_return_if_fail (QA_IS_PANEL_CANDIDATES (self));
  g_return_if_fail (!session || QA_IS_SESSION (session));

  if (session != NULL)
    {
      experts = qa_session_get_experts (session);
      ties = qa_experts_list_ties (session, &error);
      if (ties == NULL)
        g_warning ("Could not read the ties: %s", error->message);

      for (guint i = 0; i < g_list_model_get_n_items (experts); i++)
        {
          g_autoptr(QaExpert) expert = g_list_model_get_item (experts, i);
          QaPanelCandidate *candidate = qa_panel_candidate_new (session, expert, ties);

          qa_panel_candidate_set_role (candidate,
                                       ids_contain (self->members, qa_expert_get_id (expert)),
                                       ids_contain (self->alternates, qa_expert_get_id (expert)));
          g_signal_connect_object (candidate, "notify::member",
                                   G_CALLBACK (candidate_role_changed_cb), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (candidate, "notify::alternate",
                                   G_CALLBACK (candidate_role_changed_cb), self, G_CONNECT_SWAPPED);
          g_ptr_array_add (candidates, candidate);
        }
    }

  g_list_store_splice (self->candidates, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->candidates)),
                       candidates->pdata, candidates->len);
}

void
qa_panel_candidates_set_roles (QaPanelCandidates  *self,
                               const char * const *members,
                               const char * const *alternates)
{
  GListModel *candidates;

  g_return_if_fail (QA_IS_PANEL_CANDIDATES (self));

  ids_set (self->members, members);
  ids_set (self->alternates, alternates);

  candidates = G_LIST_MODEL (self->candidates);
  self->updating++;
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(QaPanelCandidate) candidate = g_list_model_get_item (candidates, i);
      const char *id = qa_expert_get_id (candidate->expert);

      qa_panel_candidate_set_role (candidate, ids_contain (self->members, id),
                                   ids_contain (self->alternates, id));
    }
  self->updating--;
}

const char * const *
qa_panel_candidates_get_members (QaPanelCandidates *self)
{
  g_return_val_if_fail (QA_IS_PANEL_CANDIDATES (self), NULL);

  return ids_as_strv (self->members);
}

const char * const *
qa_panel_candidates_get_alternates (QaPanelCandidates *self)
{
  g_return_val_if_fail (QA_IS_PANEL_CANDIDATES (self), NULL);

  return ids_as_strv (self->alternates);
}
