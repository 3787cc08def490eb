/* qa-panel-candidate-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "qa-core.h"

G_BEGIN_DECLS

/* QaPanelCandidate: one expert of the pool as the editor offers them, with their place in the
 * proposal. The check boxes are bound to “member” and “alternate”. */

#define QA_TYPE_PANEL_CANDIDATE (qa_panel_candidate_get_type ())
G_DECLARE_FINAL_TYPE (QaPanelCandidate, qa_panel_candidate, QA, PANEL_CANDIDATE, GObject)

struct _QaPanelCandidate
{
  GObject   parent_instance;

  QaExpert *expert;
  gboolean  member;
  gboolean  alternate;
  gboolean  may_serve;
  char     *serve_summary;
  char     *serve_reasons;
  char     *ties_summary;
  char     *ties_reasons;
};

QaPanelCandidate *qa_panel_candidate_new      (QaSession        *session,
                                               QaExpert         *expert,
                                               GPtrArray        *ties);
/* A member is not an alternate, and the other way round. */
void              qa_panel_candidate_set_role (QaPanelCandidate *self,
                                               gboolean          member,
                                               gboolean          alternate);

G_END_DECLS
