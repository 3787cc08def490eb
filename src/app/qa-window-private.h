/* qa-window-private.h: what the units of QaWindow share (qa-window.c: pages, session and
 * close; qa-window-operator.c: who is acting; qa-window-backups.c: backups, restores and the
 * error page).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "qa-audit-view.h"
#include "qa-consensus-view.h"
#include "qa-shortlist-view.h"
#include "qa-notice-panel.h"
#include "qa-awards-view.h"
#include "qa-window.h"

G_BEGIN_DECLS

struct _QaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Owned */
  QaSession            *session;
  GSettings            *settings;
  /* A review package is open: only the reviewer's scoring sheet is shown. */
  gboolean              reviewer_mode;
  /* Who is acting on a session database, as this computer remembers it. */
  char                 *operator_name;
  QaRole                role;
  gboolean              operator_asked;
  /* A backup is being written or restored. */
  gboolean              safety_busy;
  /* The operator chose to save or discard the dossier's changes: closing goes ahead. */
  gboolean              close_confirmed;
  /* The file the error page is about, and the newest backup it offers. */
  char                 *error_path;
  char                 *error_backup;

  /* The pages, each built when it is first shown (or asked for): NULL until then. */
  QaDossiersView       *dossiers_view;
  QaExpertsView        *experts_view;
  QaConsensusView      *consensus_view;
  QaShortlistView      *shortlist_view;
  QaNoticePanel        *notice_panel;
  QaAwardsView         *awards_view;
  QaAuditView          *audit_view;

  /* Template widgets */
  GtkMenuButton        *content_menu_button;
  GtkMenuButton        *error_menu_button;
  GtkMenuButton        *sidebar_menu_button;
  GtkLabel             *dossiers_count_label;
  GtkButton            *error_open_button;
  AdwStatusPage        *error_page;
  GtkButton            *error_restore_button;
  AdwLeaflet           *leaflet;
  GtkStack             *main_stack;
  GtkStack             *page_stack;
  QaProcedureStepper   *procedure_stepper;
  GtkRevealer          *role_banner;
  QaScoringView        *scoring_view;
  GMenuModel           *package_menu;
  GMenuModel           *primary_menu;
  GtkListBox           *sidebar_list;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
};

/* The pages, in the order of the sidebar's rows. */
typedef enum
{
  QA_WINDOW_PAGE_DOSSIERS,
  QA_WINDOW_PAGE_EXPERTS,
  QA_WINDOW_PAGE_SCORING,
  QA_WINDOW_PAGE_CONSENSUS,
  QA_WINDOW_PAGE_SHORTLIST,
  QA_WINDOW_PAGE_NOTICE,
  QA_WINDOW_PAGE_AWARDS,
  QA_WINDOW_PAGE_AUDIT,
  QA_WINDOW_N_PAGES
} QaWindowPage;

/* qa-window-pages.c */
int         _qa_window_page_index       (const char *page);
const char *_qa_window_page_name        (int         index);
GtkWidget  *_qa_window_ensure_page      (QaWindow   *self,
                                         int         index);
void        _qa_window_set_page_session (QaWindow   *self,
                                         int         index,
                                         QaSession  *session);
void        _qa_window_pages_let_go     (QaWindow   *self);
void        _qa_window_set_pages_role   (QaWindow   *self,
                                         QaRole      role);

/* qa-window.c */
void   _qa_window_update_title                 (QaWindow   *self);

/* qa-window-operator.c */
void   _qa_window_load_operator                (QaWindow   *self);
QaRole _qa_window_acting_role                  (QaWindow   *self);
void   _qa_window_apply_role                   (QaWindow   *self);
void   _qa_window_role_banner_revealed_cb      (QaWindow   *self,
                                                GParamSpec *pspec,
                                                GtkRevealer *revealer);
void   _qa_window_operator_settings_changed_cb (QaWindow   *self,
                                                const char *key,
                                                GSettings  *settings);
void   _qa_window_change_role_action           (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *param);

/* qa-window-backups.c */
void   _qa_window_backup_action                (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *param);
void   _qa_window_restore_action               (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *param);
void   _qa_window_restore_latest_action        (GtkWidget  *widget,
                                                const char *action_name,
                                                GVariant   *param);

G_END_DECLS
