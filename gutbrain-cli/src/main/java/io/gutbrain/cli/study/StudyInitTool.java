package io.gutbrain.cli.study;

import io.gutbrain.cli.common.Console;
import io.gutbrain.error.InputException;
import io.gutbrain.study.StudyTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Writes a commented study file filled in from a table and its metadata (see {@link StudyTemplate}). */
@Command(name = "init",
        description = "Write a commented study.yaml for a table and metadata: columns listed, group, subject, time, questionnaires and covariates guessed.",
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain study init --table table.biom --metadata metadata.tsv --out study.yaml")
public final class StudyInitTool implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Option(names = "--table", required = true, paramLabel = "FILE", description = "Feature table (any supported format).") Path table;
    @Option(names = "--metadata", required = true, paramLabel = "FILE", description = "Sample metadata (QIIME 2 TSV or CSV).") Path metadata;
    @Option(names = "--ko", paramLabel = "FILE", description = "KO table (HUMAnN, PICRUSt2, any table of KOs): sets inputs.ko_table and turns the modules analysis on.") Path ko;
    @Option(names = "--out", defaultValue = "study.yaml", paramLabel = "FILE", description = "Study file to write (default: ${DEFAULT-VALUE}).") Path out;
    @Option(names = "--force", description = "Overwrite an existing study file.") boolean force;
    @Option(names = {"-q", "--quiet"}) boolean quiet;

    @Override public Integer call() {
        Console console = new Console(spec.commandLine().getErr(), quiet);
        if (Files.exists(out) && !force) {
            throw new InputException(out.toString(), null, "already exists", "choose another --out or add --force to overwrite it");
        }
        StudyTemplate.write(out, table, metadata, ko);
        console.info("wrote " + out + "; check the guesses marked in it, then run: gutbrain study check " + out);
        spec.commandLine().getOut().println(out);
        return 0;
    }
}
