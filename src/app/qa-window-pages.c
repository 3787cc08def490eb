/* qa-window-pages.c: the window's pages, each built when it is first shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "qa-window"

#include "config.h"

#include "qa-audit-view.h"
#include "qa-awards-view.h"
#include "qa-consensus-view.h"
#include "qa-notice-panel.h"
#include "qa-shortlist-view.h"
#include "qa-window-private.h"

/* In the order of the sidebar's rows (QaWindowPage). */
static const char * const page_names[QA_WINDOW_N_PAGES] = {
  "dossiers", "experts", "scoring", "consensus", "shortlist", "notice", "awards", "audit"
};

int
_qa_window_page_index (const char *page)
{
  for (guint i = 0; i < QA_WINDOW_N_PAGES; i++)
    {
      if (g_strcmp0 (page_names[i], page) == 0)
        return i;
    }

  return -1;
}

const char *
_qa_window_page_name (int index)
{
  return index >= 0 && index < QA_WINDOW_N_PAGES ? page_names[index] : NULL;
}

/* Lazy pages: every page but the scoring sheet is an empty bin in the template, and its view
 * is built when the page is first shown or asked for; a page is given the session when it is
 * shown. So start-up builds and lays out only what is on screen. */
static gboolean
page_is_built (QaWindow *self,
               int       index)
{
  GtkWidget *bin;

  if (index == QA_WINDOW_PAGE_SCORING)
    return TRUE;

  bin = gtk_stack_get_child_by_name (self->page_stack, page_names[index]);

  return adw_bin_get_child (ADW_BIN (bin)) != NULL;
}

static void
set_page_role (QaWindow *self,
               int       index,
               QaRole    role)
{
  if (index < 0 || !page_is_built (self, index))
    return;

  switch (index)
    {
    case QA_WINDOW_PAGE_DOSSIERS: qa_dossiers_view_set_role (self->dossiers_view, role); break;
    case QA_WINDOW_PAGE_EXPERTS: qa_experts_view_set_role (self->experts_view, role); break;
    case QA_WINDOW_PAGE_SCORING: qa_scoring_view_set_role (self->scoring_view, role); break;
    case QA_WINDOW_PAGE_CONSENSUS: qa_consensus_view_set_role (self->consensus_view, role); break;
    case QA_WINDOW_PAGE_SHORTLIST: qa_shortlist_view_set_role (self->shortlist_view, role); break;
    case QA_WINDOW_PAGE_NOTICE: qa_notice_panel_set_role (self->notice_panel, role); break;
    case QA_WINDOW_PAGE_AWARDS: qa_awards_view_set_role (self->awards_view, role); break;
    case QA_WINDOW_PAGE_AUDIT: break;  /* the audit trail is read by every role */
    default: break;
    }
}

/* Builds page INDEX if it is not yet, tells it who acts, and returns its view. */
GtkWidget *
_qa_window_ensure_page (QaWindow *self,
                        int       index)
{
  GtkWidget *bin;
  GtkWidget *page;

  g_assert (index >= 0 && index < (int)QA_WINDOW_N_PAGES);

  if (index == QA_WINDOW_PAGE_SCORING)
    return GTK_WIDGET (self->scoring_view);

  bin = gtk_stack_get_child_by_name (self->page_stack, page_names[index]);
  page = adw_bin_get_child (ADW_BIN (bin));
  if (page != NULL)
    return page;

  switch (index)
    {
    case QA_WINDOW_PAGE_DOSSIERS: page = qa_dossiers_view_new (); self->dossiers_view = QA_DOSSIERS_VIEW (page); break;
    case QA_WINDOW_PAGE_EXPERTS: page = qa_experts_view_new (); self->experts_view = QA_EXPERTS_VIEW (page); break;
    case QA_WINDOW_PAGE_CONSENSUS: page = qa_consensus_view_new (); self->consensus_view = QA_CONSENSUS_VIEW (page); break;
    case QA_WINDOW_PAGE_SHORTLIST: page = qa_shortlist_view_new (); self->shortlist_view = QA_SHORTLIST_VIEW (page); break;
    case QA_WINDOW_PAGE_NOTICE: page = qa_notice_panel_new (); self->notice_panel = QA_NOTICE_PANEL (page); break;
    case QA_WINDOW_PAGE_AWARDS: page = qa_awards_view_new (); self->awards_view = QA_AWARDS_VIEW (page); break;
    case QA_WINDOW_PAGE_AUDIT: page = qa_audit_view_new (); self->audit_view = QA_AUDIT_VIEW (page); break;
    default: g_assert_not_reached ();
    }

  adw_bin_set_child (ADW_BIN (bin), page);
  set_page_role (self, index, _qa_window_acting_role (self));

  return page;
}

/* Gives page INDEX the session, building it first unless the session is taken away. */
void
_qa_window_set_page_session (QaWindow  *self,
                             int        index,
                             QaSession *session)
{
  if (index < 0 || (session == NULL && !page_is_built (self, index)))
    return;

  _qa_window_ensure_page (self, index);

  switch (index)
    {
    case QA_WINDOW_PAGE_DOSSIERS: qa_dossiers_view_set_session (self->dossiers_view, session); break;
    case QA_WINDOW_PAGE_EXPERTS: qa_experts_view_set_session (self->experts_view, session); break;
    case QA_WINDOW_PAGE_SCORING: break;  /* always given: see qa_window_set_session() */
    case QA_WINDOW_PAGE_CONSENSUS: qa_consensus_view_set_session (self->consensus_view, session); break;
    case QA_WINDOW_PAGE_SHORTLIST: qa_shortlist_view_set_session (self->shortlist_view, session); break;
    case QA_WINDOW_PAGE_NOTICE: qa_notice_panel_set_session (self->notice_panel, session); break;
    case QA_WINDOW_PAGE_AWARDS: qa_awards_view_set_session (self->awards_view, session); break;
    case QA_WINDOW_PAGE_AUDIT: qa_audit_view_set_session (self->audit_view, session); break;
    default: break;
    }
}

void
_qa_window_set_pages_role (QaWindow *self,
                           QaRole    role)
{
  for (guint i = 0; i < QA_WINDOW_N_PAGES; i++)
    set_page_role (self, i, role);
}

/* Every page built lets the session go (the scoring page is given the next one at once). */
void
_qa_window_pages_let_go (QaWindow *self)
{
  for (guint i = 0; i < QA_WINDOW_N_PAGES; i++)
    if (i != QA_WINDOW_PAGE_SCORING)
      _qa_window_set_page_session (self, i, NULL);  /* only pages already built */
}
