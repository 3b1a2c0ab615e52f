/* steady-lazy-icon.c: a status page's icon, loaded when it is first shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "steady-lazy-icon.h"

static void
on_map (AdwStatusPage *page,
        const char    *icon_name)
{
  adw_status_page_set_icon_name (page, icon_name);
  g_signal_handlers_disconnect_by_func (page, on_map, (gpointer) icon_name);
}

/* @icon_name must be a static string. */
void
steady_lazy_icon_attach (AdwStatusPage *page,
                         const char    *icon_name)
{
  g_return_if_fail (ADW_IS_STATUS_PAGE (page));
  g_return_if_fail (icon_name != NULL);

  if (gtk_widget_get_mapped (GTK_WIDGET (page)))
    adw_status_page_set_icon_name (page, icon_name);
  else
    g_signal_connect (page, "map", G_CALLBACK (on_map), (gpointer) icon_name);
}
