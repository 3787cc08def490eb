/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-panel.h"

G_BEGIN_DECLS

/* The random source of the draw: splitmix64 (Steele, Lea, Flood 2014; Vigna's reference
 * code). Ours rather than GRand, so that a draw recorded today can be reproduced from its seed
 * by any later build, or by hand. */
guint64 _qa_draw_next  (guint64 *state);
/* Uniform in [0, @bound), @bound > 0, without modulo bias. */
guint64 _qa_draw_below (guint64 *state,
                        guint64  bound);

G_END_DECLS
