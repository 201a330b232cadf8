/* C: gettext and _ through libintl. */
#include <libintl.h>
#include <stdio.h>
#define _(s) gettext(s)
#define N_(s) s

static const char* names[] = {N_("Si Jinping"), N_("Taler Carlson")};

int main(void) {
#if __has_include(<missing.h>)
#include <missing.h>
#endif
    printf(_("Circa 15.\n\n000 persone hanno visto %s.\n"), names[0]);
    puts(pgettext("ctx", "Il contesto"));
    return 0;
}
