package io.gutbrain.study;

import io.gutbrain.metadata.SampleMetadata;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link DesignKind}: the design is decided from the settings and from the data. */
class DesignKindTest {
    private static Study study(Path dir, String design, String metadata) throws Exception {
        Files.writeString(dir.resolve("counts.tsv"), "#OTU ID\tS1\tS2\tS3\tS4\nA\t5\t6\t7\t8\nB\t3\t2\t1\t4\n");
        Files.writeString(dir.resolve("metadata.tsv"), metadata);
        String yaml = "study:\n  name: t\ninputs:\n  table: counts.tsv\n  metadata: metadata.tsv\ndesign:\n" + design + "analyses:\n  qc:\n    min_depth: 1\n";
        return StudyFile.read(Files.writeString(dir.resolve("study.yaml"), yaml, StandardCharsets.UTF_8));
    }

    private static DesignKind kind(Study s) {
        SampleMetadata md = s.metadata();
        return DesignKind.of(s, md, md.ids());
    }

    @Test
    void oneSamplePerSubjectIsCrossSectionalEvenWithASubjectColumn(@TempDir Path dir) throws Exception {
        Study s = study(dir, "  group: g\n  subject: subject\n  time: t\n",
                "sample-id\tsubject\tt\tg\nS1\tP1\t1\ta\nS2\tP2\t1\tb\nS3\tP3\t2\ta\nS4\tP4\t2\tb\n");
        assertThat(kind(s).kind()).isEqualTo(DesignKind.Kind.CROSS_SECTIONAL);
        assertThat(kind(s).methods()).contains("cross-sectional").contains("has one sample");
    }

    @Test
    void armConstantWithinSubjectOverTimeIsATrial(@TempDir Path dir) throws Exception {
        Study s = study(dir, "  group: g\n  reference: b\n  subject: subject\n  time: t\n",
                "sample-id\tsubject\tt\tg\nS1\tP1\t1\ta\nS2\tP1\t2\ta\nS3\tP2\t1\tb\nS4\tP2\t2\tb\n");
        DesignKind k = kind(s);
        assertThat(k.kind()).isEqualTo(DesignKind.Kind.TRIAL);
        assertThat(k.control()).isEqualTo("b");
        assertThat(k.baseline()).isEqualTo("1");
        assertThat(k.methods()).contains("g:t interaction");
    }

    @Test
    void groupChangingWithinSubjectIsRepeatedMeasuresNotATrial(@TempDir Path dir) throws Exception {
        Study s = study(dir, "  group: g\n  subject: subject\n  time: t\n",
                "sample-id\tsubject\tt\tg\nS1\tP1\t1\ta\nS2\tP1\t2\tb\nS3\tP2\t1\ta\nS4\tP2\t2\tb\n");
        DesignKind k = kind(s);
        assertThat(k.kind()).isEqualTo(DesignKind.Kind.REPEATED_MEASURES);
        assertThat(k.groupBetweenSubjects()).isFalse();
        assertThat(k.reason()).contains("changes within subjects");
        // on one sample per subject the same study is cross-sectional: the data decide
        assertThat(DesignKind.of(s, s.metadata(), List.of("S1", "S3")).kind()).isEqualTo(DesignKind.Kind.CROSS_SECTIONAL);
    }
}
