package io.gutbrain.modules;

import io.gutbrain.error.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Omixer-RPM's module database format (Darzi et al. 2016; the format of the GMM and GBM
 * files):
 *
 * <pre>
 * MF0003	pectin degradation I          (header: module id, tab, name)
 * K01051                               (one line per reaction step, in pathway order)
 * K01184,K01213	K18650               (tab: alternatives, OR; comma: all required, AND)
 * ///                                  (ends the module)
 * </pre>
 *
 * <p><b>gutbrain extension.</b> Lines that are blank or start with {@code #} (after leading
 * whitespace) are skipped anywhere, so a file can carry a licence header and comments. Omixer-RPM
 * itself accepts neither; a file without them reads identically in both tools.
 *
 * <p><b>Strictness.</b> Where Omixer-RPM would silently score an impossible ortholog, this
 * parser stops with an {@link InputException} naming the line: a module without the closing
 * {@code ///}, a {@code ///} with no module open, a module without steps, an empty alternative
 * (two tabs in a row) or empty ortholog (a stray comma), an ortholog that is not a KEGG KO id
 * ({@code K} and five digits), a header that looks like a reaction step (a missing or doubled
 * {@code ///}), and duplicate module ids.
 */
final class ModuleFileParser {
    private ModuleFileParser() {}

    static final String MODULE_END = "///";

    static List<Module> parse(String source, BufferedReader reader) {
        List<Module> modules = new ArrayList<>();
        Map<String, Long> headerLines = new HashMap<>();
        String id = null;
        String name = null;
        long headerLine = 0;
        List<Step> steps = new ArrayList<>();
        long lineNo = 0;
        try {
            String raw;
            while ((raw = reader.readLine()) != null) {
                lineNo++;
                String t = raw.strip();
                if (t.isEmpty() || t.startsWith("#")) continue;
                if (id == null) {
                    if (t.equals(MODULE_END)) {
                        throw InputException.atLine(source, lineNo, "'///' here ends no module (a module starts with a line 'ID<tab>name')",
                                "remove the extra '///' or add the module's header line before its steps");
                    }
                    int tab = t.indexOf('\t');
                    id = (tab < 0 ? t : t.substring(0, tab)).strip();
                    name = tab < 0 ? "" : t.substring(tab + 1).strip();
                    checkHeader(source, lineNo, id, name);
                    Long prev = headerLines.putIfAbsent(id, lineNo);
                    if (prev != null) {
                        throw InputException.atLine(source, lineNo, "duplicate module id '" + id + "' (first on line " + prev + ")",
                                "give every module a unique id");
                    }
                    headerLine = lineNo;
                    steps = new ArrayList<>();
                } else if (t.equals(MODULE_END)) {
                    if (steps.isEmpty()) {
                        throw InputException.atLine(source, lineNo, "module '" + id + "' (line " + headerLine + ") has no reaction steps",
                                "list one step per line between the header and '///'");
                    }
                    modules.add(new Module(id, name, steps, headerLine));
                    id = null;
                } else {
                    steps.add(parseStep(source, lineNo, t));
                }
            }
        } catch (IOException e) {
            throw new InputException(source, lineNo > 0 ? "line " + lineNo : null, "cannot read: " + e.getMessage(), "check the file", e);
        }
        if (id != null) {
            throw InputException.atLine(source, headerLine, "module '" + id + "' is not ended by a '///' line before the end of the file",
                    "add a line '///' after the module's last step");
        }
        if (modules.isEmpty()) {
            throw InputException.atLine(source, Math.max(1, lineNo), "no modules found: the file is empty or holds only comments",
                    "check that this is a module file ('ID<tab>name', one step per line, '///')");
        }
        return modules;
    }

    private static void checkHeader(String source, long line, String id, String name) {
        if (looksLikeStep(id) && (name.isEmpty() || looksLikeStep(name))) {
            throw InputException.atLine(source, line, "expected a module header 'ID<tab>name' but found a reaction step '" + id
                    + (name.isEmpty() ? "" : "\t" + name) + "'", "check for a missing header or a doubled '///' before this line");
        }
        if (id.chars().anyMatch(Character::isWhitespace)) {
            throw InputException.atLine(source, line, "module id '" + id + "' contains spaces",
                    "separate the module id from its name with a tab");
        }
    }

    private static boolean looksLikeStep(String s) {
        return KoIds.isKo(s) || (s.startsWith("K") && (s.indexOf(',') > 0 || s.indexOf('\t') > 0));
    }

    private static Step parseStep(String source, long line, String text) {
        String[] alts = text.split("\t", -1);
        List<List<String>> alternatives = new ArrayList<>(alts.length);
        for (int a = 0; a < alts.length; a++) {
            String alt = alts[a].strip();
            if (alt.isEmpty()) {
                throw new InputException(source, "line " + line + ", alternative " + (a + 1),
                        "empty alternative (two tabs in a row) in the step '" + text + "'", "remove the extra tab");
            }
            String[] kos = alt.split(",", -1);
            List<String> members = new ArrayList<>(kos.length);
            for (String k : kos) {
                String ko = k.strip();
                if (ko.isEmpty()) {
                    throw new InputException(source, "line " + line + ", alternative " + (a + 1),
                            "empty ortholog (a stray comma) in '" + alt + "'", "remove the extra comma");
                }
                if (!KoIds.isKo(ko)) {
                    throw new InputException(source, "line " + line + ", alternative " + (a + 1),
                            "'" + ko + "' is not a KEGG orthology id (K followed by five digits)",
                            ko.indexOf(' ') >= 0 ? "separate alternatives with tabs and required orthologs with commas, not spaces"
                                    : "use KO ids such as K01580; other identifiers cannot be matched to KO tables");
                }
                members.add(ko);
            }
            alternatives.add(members);
        }
        return new Step(alternatives, line);
    }
}
