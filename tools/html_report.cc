#include "html_report.h"

#include <algorithm>
#include <map>
#include <sstream>
#include <utility>
#include <vector>

#include "xml_escape.h"

namespace mapcheck {
namespace {

std::string Escape(const std::string& s) { return XmlEscape(s); }

// The value read or written: a number, or what a pointer designates (TraceEvent::pointer).
std::string Value(const mc::TraceEvent& e) {
  if (!e.pointer.empty()) return e.pointer;
  return std::to_string(e.read_value ? *e.read_value : e.written_value.value_or(0));
}

// The one-line label drawn in an event's box.
std::string Label(const mc::TraceEvent& e) {
  std::ostringstream out;
  out << (e.op.empty() ? e.kind : e.op);
  if (!e.location.empty()) out << " " << e.location;
  if (e.read_value) out << " \u2192 " << Value(e);
  if (e.written_value) out << " \u2190 " << Value(e);
  if (!e.order.empty()) out << " (" << e.order << ")";
  return out.str();
}

// Everything known about the event, for the hover title.
std::string Details(const mc::TraceEvent& e) {
  std::ostringstream out;
  out << "T" << e.thread << "." << e.index << " " << e.kind;
  if (!e.op.empty()) out << " " << e.op;
  if (!e.location.empty()) out << " on " << e.location;
  if (!e.order.empty()) out << ", " << e.order;
  if (e.read_value) out << ", read " << Value(e);
  if (!e.reads_from.empty()) out << " from " << e.reads_from;
  if (e.written_value) out << ", wrote " << Value(e);
  if (e.mo_position >= 0) out << ", mo #" << e.mo_position;
  if (!e.file.empty()) out << "\n" << e.file << ":" << e.line;
  return out.str();
}

constexpr int kLaneWidth = 330;
constexpr int kRowHeight = 34;
constexpr int kBoxHeight = 24;
constexpr int kTop = 40;

}  // namespace

std::string CounterexampleHtml(const std::string& title, const std::string& replay,
                               const mc::Report& report) {
  std::ostringstream page;
  page << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>mapcheck: "
       << Escape(title) << "</title>\n<style>\n"
       << "body{font:14px system-ui,sans-serif;margin:24px;color:#222}\n"
       << "code{background:#f3f3f3;padding:1px 4px}\n"
       << ".lane{fill:#fafafa;stroke:#ddd}\n.lane-title{font-weight:600}\n"
       << ".event rect{fill:#e8f0fe;stroke:#4a6fa5;rx:4}\n"
       << ".event.highlight rect{fill:#fde2e1;stroke:#c0392b;stroke-width:2}\n"
       << ".event text{font:12px ui-monospace,monospace}\n"
       << ".rf{stroke:#2e7d32;fill:none;stroke-width:1.5;marker-end:url(#arrow-rf)}\n"
       << ".mo{stroke:#8e44ad;fill:none;stroke-width:1.5;stroke-dasharray:5 4;"
          "marker-end:url(#arrow-mo)}\n"
       << ".legend span{margin-right:18px}\n</style></head>\n<body>\n";
  page << "<h1>" << Escape(title) << "</h1>\n<p><b>" << mc::VerdictName(report.verdict)
       << "</b>: " << Escape(report.message) << "</p>\n";
  if (!replay.empty()) {
    page << "<p>Replay: <code>mapcheck replay " << Escape(replay) << "</code></p>\n";
  }
  if (!report.counterexample) {
    page << "<p>No counterexample: the check found nothing to draw.</p>\n"
         << "<script>document.body.dataset.rendered='0';</script>\n</body></html>\n";
    return page.str();
  }
  const mc::Counterexample& cx = *report.counterexample;
  const int lanes = std::max(cx.threads, 1);
  const int height = kTop + static_cast<int>(cx.events.size()) * kRowHeight + 20;
  const int width = lanes * kLaneWidth + 20;
  page << "<p class=\"legend\"><span style=\"color:#2e7d32\">\u2192 reads-from</span>"
       << "<span style=\"color:#8e44ad\">\u21e2 modification order</span>"
       << "<span style=\"color:#c0392b\">\u25a0 the finding</span>"
       << "<span>hover an event for its source line</span></p>\n";
  page << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
       << "\" viewBox=\"0 0 " << width << " " << height << "\">\n"
       << "<defs><marker id=\"arrow-rf\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
          "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" "
          "fill=\"#2e7d32\"/></marker><marker id=\"arrow-mo\" viewBox=\"0 0 10 10\" refX=\"10\" "
          "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path "
          "d=\"M0,0L10,5L0,10z\" fill=\"#8e44ad\"/></marker></defs>\n";
  for (int t = 0; t < lanes; ++t) {
    page << "<rect class=\"lane\" x=\"" << 10 + t * kLaneWidth << "\" y=\"10\" width=\""
         << kLaneWidth - 10 << "\" height=\"" << height - 20 << "\"/>\n"
         << "<text class=\"lane-title\" x=\"" << 20 + t * kLaneWidth << "\" y=\"30\">T" << t
         << (t == 0 ? " (test closure)" : "") << "</text>\n";
  }
  // Where each event's box is, by "T<thread>.<index>".
  std::map<std::string, std::pair<int, int>> where;
  for (size_t i = 0; i < cx.events.size(); ++i) {
    const mc::TraceEvent& e = cx.events[i];
    where["T" + std::to_string(e.thread) + "." + std::to_string(e.index)] = {
        15 + e.thread * kLaneWidth, kTop + static_cast<int>(i) * kRowHeight};
  }
  // Arrows first, so the boxes sit on top of them.
  // Modification order is per object, not per label: each map's "var hmap.count" has its own.
  std::map<int, std::vector<std::pair<int, std::string>>> writes;  // object -> (mo, id)
  for (const mc::TraceEvent& e : cx.events) {
    const std::string id = "T" + std::to_string(e.thread) + "." + std::to_string(e.index);
    if (e.mo_position >= 0 && e.object >= 0) writes[e.object].push_back({e.mo_position, id});
    if (e.reads_from.empty() || where.count(e.reads_from) == 0) continue;
    const auto [fx, fy] = where[e.reads_from];
    const auto [tx, ty] = where[id];
    page << "<path class=\"rf\" d=\"M" << fx + kLaneWidth - 30 << "," << fy + kBoxHeight / 2 << " C"
         << fx + kLaneWidth + 10 << "," << fy + kBoxHeight / 2 << " " << tx - 20 << ","
         << ty + kBoxHeight / 2 << " " << tx << "," << ty + kBoxHeight / 2 << "\"/>\n";
  }
  for (auto& [object, chain] : writes) {
    std::sort(chain.begin(), chain.end());
    for (size_t k = 1; k < chain.size(); ++k) {
      const auto [fx, fy] = where[chain[k - 1].second];
      const auto [tx, ty] = where[chain[k].second];
      page << "<path class=\"mo\" d=\"M" << fx + 4 << "," << fy + kBoxHeight << " C" << fx - 30
           << "," << fy + kBoxHeight + 20 << " " << tx - 30 << "," << ty - 20 << " " << tx + 4
           << "," << ty << "\"/>\n";
    }
  }
  for (size_t i = 0; i < cx.events.size(); ++i) {
    const mc::TraceEvent& e = cx.events[i];
    const auto [x, y] = where["T" + std::to_string(e.thread) + "." + std::to_string(e.index)];
    page << "<g class=\"event" << (e.highlighted ? " highlight" : "") << "\" data-event=\"T"
         << e.thread << "." << e.index << "\"><title>" << Escape(Details(e)) << "</title><rect x=\""
         << x << "\" y=\"" << y << "\" width=\"" << kLaneWidth - 20 << "\" height=\"" << kBoxHeight
         << "\"/><text x=\"" << x + 6 << "\" y=\"" << y + 16 << "\">" << Escape(Label(e))
         << "</text></g>\n";
  }
  page << "</svg>\n<h2>Trace</h2>\n<pre>" << Escape(cx.ToString()) << "</pre>\n"
       << "<script>document.body.dataset.rendered=String(document.querySelectorAll('.event')"
          ".length);</script>\n</body></html>\n";
  return page.str();
}

}  // namespace mapcheck
