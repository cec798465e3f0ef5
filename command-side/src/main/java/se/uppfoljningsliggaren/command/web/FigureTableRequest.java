package se.uppfoljningsliggaren.command.web;

import io.swagger.v3.oas.annotations.media.Schema;
import se.uppfoljningsliggaren.kernel.value.Beslut;
import se.uppfoljningsliggaren.kernel.value.FigureTable;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** A table of figures as printed, for a plan or a follow-up; revisionBeslut once its owner is fastställd. */
public record FigureTableRequest(@Schema(requiredMode = REQUIRED) FigureTable.Kind kind,
                                 @Schema(requiredMode = REQUIRED) String title, String unit,
                                 @Schema(requiredMode = REQUIRED) List<FigureTable.Column> columns,
                                 @Schema(requiredMode = REQUIRED) List<FigureTable.Row> rows,
                                 List<String> notes, Beslut revisionBeslut) {

    FigureTable table() {
        return new FigureTable(kind, title, unit, columns, rows, notes);
    }
}
