// A stock document's lines as an ImGui table (the 库存 screen and the count screen share it): the
// headers translated, a row coloured by its sign (short red, over amber), one row highlighted.
#pragma once

#include "pos/ui/stock_views.hpp"
#include "pos/ui/widgets.hpp"

namespace pos::ui {

// `highlight`: the row drawn selected and kept in view (-1: none).
void draw_stock_table(const char* id, const StockTable& table, const Ui& ui, ImVec2 size, int highlight = -1);

}  // namespace pos::ui
