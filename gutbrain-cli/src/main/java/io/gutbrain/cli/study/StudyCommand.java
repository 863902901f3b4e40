package io.gutbrain.cli.study;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Groups the study-file programs: writing a template and checking a file. */
@Command(name = "study",
        description = "A whole study from one file: 'init' writes a commented study.yaml from your table and metadata, 'check' validates it, 'run' runs it into a report.",
        subcommands = {StudyInitTool.class, StudyCheckTool.class, RunStudy.class},
        mixinStandardHelpOptions = true,
        footerHeading = "%nExample:%n",
        footer = "  gutbrain study init --table table.biom --metadata metadata.tsv --out study.yaml")
public final class StudyCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
