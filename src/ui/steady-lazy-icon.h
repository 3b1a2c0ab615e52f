/* steady-lazy-icon.h: a status page's icon, loaded when it is first shown
 *
 * GTK loads the icons of pages that are built but hidden (the stop card,
 * the coach's Done page) at start-up, and a symbolic SVG icon brings in
 * librsvg: several MiB resident before the first frame for pages most
 * sessions never show. The icon is set the first time the page is mapped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void steady_lazy_icon_attach (AdwStatusPage *page,
                              const char    *icon_name);

G_END_DECLS
