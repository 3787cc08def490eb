/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qa-applicant.h"
#include "qa-applicants.h"
#include "qa-audit.h"
#include "qa-category.h"
#include "qa-credit-code.h"
#include "qa-csv.h"
#include "qa-criteria.h"
#include "qa-database.h"
#include "qa-demo.h"
#include "qa-dossier.h"
#include "qa-item.h"
#include "qa-materials.h"
#include "qa-notice.h"
#include "qa-profile.h"
#include "qa-rules.h"
#include "qa-session.h"
