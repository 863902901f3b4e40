package io.gutbrain.cli.common.options;

import io.gutbrain.util.NearestName;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a picocli parse error into gutbrain's one line {@code <what>: <problem> (fix: <fix>)}:
 * an option value outside its range names the option and the range; an unknown command or a
 * misspelled option says "did you mean" (nearest name by {@link NearestName}), and is reported
 * even when picocli would first complain about a required option the typo stood for.
 */
public final class UsageErrors {
    private UsageErrors() {}

    /**
     * Edits allowed between a typed command or option name and a suggestion: two for names of 4
     * letters or more, so that a swapped or changed pair of letters ({@code tabel}, {@code alfa})
     * finds its name, one for shorter names. The candidates are a command's own few names, so this
     * looser match than {@link NearestName}'s default cannot land on an unrelated word.
     */
    public static int maxEdits(String typed) {
        return typed.replaceAll("[-_ ]", "").length() >= 4 ? 2 : 1;
    }

    private static final Pattern UNKNOWN_SUBCOMMAND = Pattern.compile("Unknown subcommand '(.*)'\\.?");

    /** The message after {@code gutbrain: error: } for this parse error (one line). */
    public static String oneLine(ParameterException ex) {
        CommandLine cl = ex.getCommandLine();
        CommandSpec spec = cl.getCommandSpec();
        String help = "see '" + spec.qualifiedName() + " --help'";

        OptionValueException bad = badValue(ex);
        if (bad != null) {
            return argName(ex.getArgSpec()) + ": " + bad.problem() + " (fix: " + bad.fix() + ")";
        }
        Matcher helpFor = UNKNOWN_SUBCOMMAND.matcher(String.valueOf(ex.getMessage()));
        if (helpFor.matches()) { // 'gutbrain help nosuch'
            CommandLine group = cl.getCommand() instanceof CommandLine.HelpCommand && cl.getParent() != null ? cl.getParent() : cl;
            return unknownCommand(group, helpFor.group(1));
        }
        String unmatched = firstUnmatched(cl);
        if (unmatched != null) {
            if (unmatched.startsWith("-") && unmatched.length() > 1 && !isNumber(unmatched)) return unknownOption(cl, unmatched);
            if (!cl.getSubcommands().isEmpty()) return unknownCommand(cl, unmatched);
            return spec.qualifiedName() + ": unexpected argument '" + unmatched + "' (fix: " + help + ")";
        }
        return oneLineOf(ex.getMessage()) + " (fix: " + help + ")";
    }

    private static String unknownCommand(CommandLine group, String word) {
        List<String> names = new ArrayList<>(group.getSubcommands().keySet());
        String qn = group.getCommandSpec().qualifiedName();
        return qn + ": unknown command '" + word + "'" + NearestName.hint(word, names, maxEdits(word))
                + " (fix: run '" + qn + " --help' for the commands: " + String.join(", ", names) + ")";
    }

    private static String unknownOption(CommandLine cl, String arg) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        List<String> names = new ArrayList<>();
        for (OptionSpec o : cl.getCommandSpec().options()) names.addAll(List.of(o.names()));
        String qn = cl.getCommandSpec().qualifiedName();
        return qn + ": unknown option '" + name + "'" + NearestName.hint(name, names, maxEdits(name)) + " (fix: see '" + qn + " --help' for the options)";
    }

    /** The first argument picocli could not place, from the failed parse (also when it stopped at a missing option). */
    private static String firstUnmatched(CommandLine cl) {
        List<String> unmatched = cl.getUnmatchedArguments();
        if (unmatched == null || unmatched.isEmpty()) return null;
        for (String u : unmatched) if (u.startsWith("-") && u.length() > 1 && !isNumber(u)) return u;
        return unmatched.get(0);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The range error behind a failed conversion: from the cause chain, or by converting the value again (picocli keeps no cause). */
    private static OptionValueException badValue(ParameterException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OptionValueException o) return o;
            if (t.getCause() == t) break;
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg == null || ex.getValue() == null) return null;
        CommandLine.ITypeConverter<?>[] converters = arg.converters();
        if (converters == null || converters.length == 0 || !(converters[0] instanceof ValidatedOption)) return null;
        String[] parts = arg.splitRegex().isEmpty() ? new String[]{ex.getValue()} : ex.getValue().split(arg.splitRegex(), -1);
        for (String part : parts) {
            try {
                converters[0].convert(part);
            } catch (OptionValueException o) {
                return o;
            } catch (Exception other) {
                return null;
            }
        }
        return null;
    }

    private static String argName(ArgSpec arg) {
        if (arg instanceof OptionSpec o) return o.longestName();
        return arg.paramLabel();
    }

    private static String oneLineOf(String s) {
        return s == null ? "invalid arguments" : s.replace('\n', ' ').strip();
    }
}
