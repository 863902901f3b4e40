/**
 * Scoring of questionnaires (PHQ-9, GAD-7, PSS-10, HADS, BDI-II) and the Bristol stool form
 * scale from item-level metadata columns, so that mental-health and gut measures can be used as
 * outcomes or covariates next to microbiome data.
 *
 * <p>{@link io.gutbrain.measures.Instruments} holds the built-in instruments,
 * {@link io.gutbrain.measures.InstrumentSpec} reads user-defined ones,
 * {@link io.gutbrain.measures.Scoring} scores a {@link io.gutbrain.metadata.SampleMetadata} and
 * {@link io.gutbrain.measures.InstrumentScores} writes the results or adds them to the metadata.
 * Item ranges, reverse items, bands, missing-item rules and their sources are documented in
 * {@code docs/instruments.md}.
 */
package io.gutbrain.measures;
