#include "check_merge.h"

#include <optional>

#include "check_rows.h"
#include "shard_set.h"
#include "user_error.h"

namespace mapcheck {

int MergeCheckReports(const std::vector<std::pair<std::string, JsonValue>>& reports, bool json,
                      std::ostream& out, std::ostream& err) {
  ShardSet shards;
  std::vector<std::optional<CheckRow>> table;
  std::vector<std::string> from;  // per place: the file its row came from
  for (const auto& [file, doc] : reports) {
    const JsonValue* shard = doc.Find("shard");
    const JsonValue* size = doc.Find("rows_of_all_shards");
    if (shard == nullptr || shard->kind != JsonValue::Kind::kString || size == nullptr ||
        !size->Unsigned()) {
      return Refuse(err, "merge", file,
                    "is not a shard (write one with mapcheck check --shard I/N --json)");
    }
    if (std::string why; !shards.Add(shard->text, file, why)) {
      return Refuse(err, "merge", file, why);
    }
    if (table.empty()) {
      table.resize(*size->Unsigned());
      from.resize(table.size());
    } else if (table.size() != *size->Unsigned()) {
      return Refuse(err, "merge", file,
                    "is a shard of a check of " + size->text + " rows, " + reports.front().first +
                        " of one of " + std::to_string(table.size()) +
                        " (the same FILTER and --model for every shard)");
    }
    for (const JsonValue& item : doc.Find("results")->items) {
      std::string why;
      const auto row = RowFromJson(item, why);
      if (!row || !row->position) {
        return Refuse(err, "merge", file,
                      (row ? "row " + row->name + " has no position" : why) +
                          " (not written by mapcheck check --shard I/N --json?)");
      }
      const uint64_t at = *row->position;
      if (at >= table.size() || table[at]) {
        return Refuse(
            err, "merge", file,
            "row " + row->name + " at place " + std::to_string(at) +
                (at >= table.size() ? ", beyond the table" : ", which " + from[at] + " has"));
      }
      table[at] = *row;
      from[at] = file;
    }
  }
  if (const std::string missing = shards.Missing(); !missing.empty()) {
    return Refuse(err, "merge", "the check", missing);
  }
  std::vector<CheckRow> rows;
  for (size_t k = 0; k < table.size(); ++k) {
    if (!table[k]) {
      return Refuse(err, "merge", "the check",
                    "no shard has row " + std::to_string(k) + " (a shard's report is cut short?)");
    }
    rows.push_back(std::move(*table[k]));
    rows.back().position.reset();
  }
  const CheckTotals totals = Count(rows);
  if (json) {
    std::vector<std::string> objects;
    for (const CheckRow& r : rows) objects.push_back(RowJson(r));
    out << CheckJson(objects, totals) << "\n";
  } else {
    for (size_t i = 0; i < rows.size(); ++i) {
      const bool claim = rows[i].kind == "claim";
      if (i == 0 && !claim) PrintLitmusHeader(out);
      if (claim && (i == 0 || rows[i - 1].kind != "claim")) PrintClaimHeader(i > 0, out);
      PrintRow(rows[i], out);
    }
    PrintTotals(totals, out);
    PrintMismatches(rows, /*verbose=*/false, err);
  }
  return ExitStatus(totals);
}

}  // namespace mapcheck
