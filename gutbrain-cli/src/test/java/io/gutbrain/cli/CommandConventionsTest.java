package io.gutbrain.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command declares a one-line summary and a runnable example beside its code (GATK's tool
 * annotations are the model). This test walks the whole command tree so a new command cannot
 * forget either, and checks that each example at least parses with the command's own options.
 */
class CommandConventionsTest {

    static List<CommandLine> allCommands(CommandLine root) {
        List<CommandLine> out = new ArrayList<>();
        List<CommandLine> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            CommandLine c = todo.remove(todo.size() - 1);
            if (c.getCommandName().equals("help")) continue;
            out.add(c);
            todo.addAll(c.getSubcommands().values());
        }
        return out;
    }

    @Test
    void everyCommandHasSummaryAndExample() {
        for (CommandLine c : allCommands(GutbrainMain.commandLine())) {
            CommandLine.Model.UsageMessageSpec u = c.getCommandSpec().usageMessage();
            assertThat(u.description()).as("description of %s", c.getCommandSpec().qualifiedName()).isNotEmpty();
            assertThat(u.description()[0]).as("summary of %s", c.getCommandSpec().qualifiedName()).isNotBlank();
            assertThat(String.join("\n", u.footer())).as("example of %s", c.getCommandSpec().qualifiedName()).contains("gutbrain ");
        }
    }

    @Test
    void everyExampleParses() {
        for (CommandLine c : allCommands(GutbrainMain.commandLine())) {
            for (String line : c.getCommandSpec().usageMessage().footer()) {
                String example = line.strip();
                if (!example.startsWith("gutbrain ")) continue;
                String[] args = splitArgs(example.substring("gutbrain ".length()));
                CommandLine fresh = GutbrainMain.commandLine();
                try {
                    fresh.parseArgs(args);
                } catch (CommandLine.ParameterException e) {
                    throw new AssertionError("example of " + c.getCommandSpec().qualifiedName() + " does not parse: " + example + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Splits a shell-like command line, honouring double quotes. */
    static String[] splitArgs(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false, any = false;
        for (char ch : s.toCharArray()) {
            if (ch == '"') { quoted = !quoted; any = true; continue; }
            if (Character.isWhitespace(ch) && !quoted) {
                if (any) { out.add(cur.toString()); cur.setLength(0); any = false; }
                continue;
            }
            cur.append(ch);
            any = true;
        }
        if (any) out.add(cur.toString());
        return out.toArray(new String[0]);
    }
}
