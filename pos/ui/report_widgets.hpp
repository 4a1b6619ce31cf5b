// Pieces the report screens share (F7 经营日报, F8 周报/月报): a section title, the headline
// figures beside their two comparisons, and a report table as pos/actions writes it.
#pragma once

#include <vector>

#include "pos/actions/reports/daily_report.hpp"
#include "pos/ui/day_views.hpp"
#include "pos/ui/widgets.hpp"

namespace pos::ui {

void section_title(const Ui& ui, const char* id);

// `current`, `previous`, `earlier`: the translation ids of the three value columns' headers.
void draw_figure_table(const std::vector<FigureRow>& rows, const Ui& ui, float width, const char* current,
                       const char* previous, const char* earlier);

// Its columns under their translated names ("report.col.<name>") where the strings have one.
void draw_report_table(const actions::ReportTable& table, const Ui& ui, float width);

}  // namespace pos::ui
