// `translint check --fix`: the fixes that are plain words go into the file, replaced whole and
// only if unchanged since it was read; edits that would touch markup or overlap stay reported.
#include "cli_support.hpp"
#include "translint/fix.hpp"

#include <nlohmann/json.hpp>
#include <sys/stat.h>

namespace fs = std::filesystem;
using namespace test_support;
using translint::apply_fixes;
using translint::Diagnostic;
using translint::Edit;

namespace {

Diagnostic finding(std::vector<Edit> edits) {
    Diagnostic d;
    d.rule = "it.test";
    d.fixes = std::move(edits);
    return d;
}

} // namespace

TEST(ApplyFixes, EditsGoInFromTheEndSoOffsetsHold) {
    const auto fixed = apply_fixes("Ilon Musk e Makron.",
                                   {finding({{12, 6, "Macron"}}), finding({{0, 4, "Elon"}})});
    EXPECT_EQ("Elon Musk e Macron.", fixed.bytes);
    EXPECT_EQ(2u, fixed.findings_fixed);
    EXPECT_EQ(0u, fixed.findings_left);
}

TEST(ApplyFixes, AFindingIsFixedWholeOrNotAtAll) {
    // The second finding's first edit is fine, its second overlaps the first finding's edit.
    const auto fixed =
        apply_fixes("abcdefghij", {finding({{0, 3, "X"}}), finding({{5, 1, "Y"}, {2, 2, "Z"}})});
    EXPECT_EQ("Xdefghij", fixed.bytes);
    EXPECT_EQ(1u, fixed.findings_fixed);
    EXPECT_EQ(1u, fixed.findings_left);
    // Two insertions at one place would depend on their order: the second is left.
    const auto inserted = apply_fixes("ab", {finding({{1, 0, "X"}}), finding({{1, 0, "Y"}})});
    EXPECT_EQ("aXb", inserted.bytes);
}

TEST(ApplyFixes, EditsThatTouchMarkupOrEscapesAreLeft) {
    const std::string html = "<b>Ilon</b> Musk &amp; Co";
    for (const Edit& edit : std::vector<Edit>{{0, 7, "Elon"},     // replaces a tag
                                              {3, 4, "<i>Elon"},  // writes one
                                              {17, 5, "e"},       // replaces an entity
                                              {3, 4, "El\non"},   // a line break
                                              {3, 4, "E\"lon"},   // a quote (PO, C++)
                                              {3, 4, "*Elon*"},   // Markdown emphasis
                                              {3, 40, "Elon"}}) { // past the end
        SCOPED_TRACE(edit.replacement);
        const auto fixed = apply_fixes(html, {finding({edit})});
        EXPECT_EQ(html, fixed.bytes);
        EXPECT_EQ(1u, fixed.findings_left);
    }
    EXPECT_EQ("<b>Elon</b> Musk &amp; Co", apply_fixes(html, {finding({{3, 4, "Elon"}})}).bytes);
    // A finding with no edit is neither fixed nor left.
    const auto none = apply_fixes(html, {finding({})});
    EXPECT_EQ(0u, none.findings_fixed + none.findings_left);
}

TEST_F(Cli, FixWritesTheFixesKeepingPermissionsAndReportsWhatIsLeft) {
    // A repeated word, a number in English format, a spaced percent sign and a Cyrillic letter
    // in a Latin name have certain fixes; a garbled name only a suggestion for a person.
    const std::string article = "Il presidente ha parlato con con i giornalisti.\n\nIl costo è "
                                "di 1,500,000 euro, il 12 % in più. Ha parlato \u041Cusk a "
                                "Roma, e Ilon Musk a Milano.\n";
    write("articolo.it.txt", article);
    fs::permissions(dir_ / "articolo.it.txt",
                    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    const Result before = run("check --format json articolo.it.txt");
    ASSERT_EQ(1, before.status) << before.err;
    const auto found = nlohmann::json::parse(before.out)["files"][0]["diagnostics"];
    std::size_t with_fixes = 0;
    for (const auto& d : found)
        with_fixes += d.contains("fixes");
    ASSERT_EQ(4u, with_fixes) << before.out;

    const Result r = run("check --fix --format json articolo.it.txt");
    const std::string now = slurp(dir_ / "articolo.it.txt");
    EXPECT_EQ("Il presidente ha parlato con i giornalisti.\n\nIl costo è di 1.500.000 euro, il "
              "12% in più. Ha parlato Musk a Roma, e Ilon Musk a Milano.\n",
              now);
    EXPECT_NE(std::string::npos, r.err.find("translint: fixed 4 findings in 1 file\n")) << r.err;
    // The report is of the file as it now is: what is left, where it now stands.
    const auto left = nlohmann::json::parse(r.out)["files"][0]["diagnostics"];
    EXPECT_EQ(found.size() - with_fixes, left.size()) << r.out;
    for (const auto& d : left)
        EXPECT_EQ(now.substr(d["offset"], d["length"]), d["text"].get<std::string>());
    EXPECT_EQ(1, r.status) << r.err;
    struct stat status {};
    ASSERT_EQ(0, ::stat((dir_ / "articolo.it.txt").c_str(), &status));
    EXPECT_EQ(0640u, status.st_mode & 07777);
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_))
        if (!entry.path().filename().string().starts_with("."))
            names.push_back(entry.path().filename());
    EXPECT_EQ((std::vector<std::string>{"articolo.it.txt"}), names) << "no temporary file is left";

    // A second run has nothing left to fix and leaves the file as it is.
    const Result again = run("check --fix articolo.it.txt");
    EXPECT_NE(std::string::npos, again.err.find("translint: fixed 0 findings in 0 files"));
    EXPECT_EQ(now, slurp(dir_ / "articolo.it.txt"));
}

TEST_F(Cli, FixLeavesMarkupAloneAndNeedsFiles) {
    // In the first paragraph each fix would remove or replace markup (a tag, an entity); in the
    // second the same fixes are plain text.
    const std::string marked = "<p>Ha parlato con <i>con</i> Roma: 1,<b>500</b>,000 euro, il "
                               "12&nbsp;% in più.</p>\n";
    write("pagina.it.html",
          marked + "<p>Ha parlato con con Roma: 1,500,000 euro, il 12 % in più.</p>\n");
    const Result r = run("check --fix --fail-on warning --format json --quiet pagina.it.html");
    EXPECT_EQ(1, r.status) << r.err;
    EXPECT_EQ(marked + "<p>Ha parlato con Roma: 1.500.000 euro, il 12% in più.</p>\n",
              slurp(dir_ / "pagina.it.html"));
    const auto left = nlohmann::json::parse(r.out)["files"][0]["diagnostics"];
    ASSERT_EQ(3u, left.size()) << r.out << "the ones left are still reported";
    EXPECT_EQ(" <i>con", left[0]["text"]);
    EXPECT_EQ("1,<b>500</b>,000", left[1]["text"]);
    EXPECT_EQ("12&nbsp;%", left[2]["text"]);

    const Result piped = run("check --fix --lang it -", "Ilon Musk\n");
    EXPECT_EQ(2, piped.status);
    EXPECT_NE(std::string::npos, piped.err.find("--fix rewrites the files it checks, and "
                                                "standard input is not a file"))
        << piped.err;
    EXPECT_EQ(2, run("baseline --fix --output b.json pagina.it.html").status);
}

TEST_F(Cli, FixDoesNotWriteAFileItCannotReplace) {
    write("dir/articolo.it.txt", "Ha parlato con con Roma.\n");
    fs::permissions(dir_ / "dir", fs::perms::owner_read | fs::perms::owner_exec);
    // Root may write anywhere, so the run is as nobody, who may read but not write.
    fs::permissions(dir_, fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
    fs::permissions(dir_ / "dir", fs::perms::others_read | fs::perms::others_exec,
                    fs::perm_options::add);
    const Result r =
        run_shell(unprivileged("'" TRANSLINT_BINARY "' check --fix dir/articolo.it.txt"));
    EXPECT_EQ(2, r.status) << r.err;
    EXPECT_NE(std::string::npos, r.err.find("translint: error: dir/articolo.it.txt: cannot write: "
                                            "Permission denied"))
        << r.err;
    EXPECT_EQ("Ha parlato con con Roma.\n", slurp(dir_ / "dir/articolo.it.txt"));
    fs::permissions(dir_ / "dir", fs::perms::owner_all);
}
