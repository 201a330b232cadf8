#include <libintl.h>
#define T(text) gettext(text)
#define STR "macro"

struct QObject {
    static const char* tr(const char*, const char* = nullptr, int = -1);
};
namespace QCoreApplication {
const char* translate(const char*, const char*);
}

void f() {
    gettext("Escapes: \x41\101\u00e8\U0001F600\n\t\e \x{263A} \o{101} \u{20AC} \N{SNOWMAN}");
    gettext(u8"UTF-8 "
            u8"joined");
    ngettext(u"UTF-16 \xD83D\xDE00", U"UTF-32 \x1F600", 2);
    gettext(L"wide \x263A");
    gettext(R"delim(raw "string" \n)delim");
    T("through a macro");
    QObject::tr("Qt text", "disambiguation");
    QCoreApplication::translate("context", "Il testo di Ilon Musk");
    dgettext("domain", "Il dominio non conta");
    gettext("bad escape \q skipped");
    gettext(STR);
}
