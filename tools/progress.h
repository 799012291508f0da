// What a long command shows on stderr while it runs: on a terminal one live line, rewritten in
// place at most once a second; otherwise (a CI log, a file) one line every 10 s, so a log shows
// the run is alive without being flooded. A command that ends within the first interval shows
// nothing; `--quiet` shows nothing at all. Every line names the command and what runs
// ("mapcheck check: IRIW+rlx rc11: 812 executions, ..."); the searches' own lines come through
// mc::Options::progress (For), a command's count of finished work through Items.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace mapcheck {

class Progress {
 public:
  using Clock = std::chrono::steady_clock;

  // `live`: `out` is a terminal (the command passes isatty's answer); a live line is cut to
  // `width` columns (0: not cut), since a line that wraps cannot be rewritten in place. `now` is
  // the clock (tests pass their own).
  Progress(std::string command, bool quiet, bool live, size_t width = 0,
           std::ostream& out = std::cerr, std::function<Clock::time_point()> now = Clock::now);
  // For a command: live and as wide as stderr when it is a terminal.
  static Progress OnStderr(std::string command, bool quiet);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress() { Clear(); }

  // mc::Options::progress for the search of `what` (a test and model, a case, a file); empty
  // when quiet. Safe to call from the threads of --jobs.
  std::function<void(const std::string&, bool)> For(std::string what);
  // `done` of `total` items finished (a row of a table, a scenario), `last` the latest.
  void Items(size_t done, size_t total, std::string_view last);
  // Erases a live line, before the command prints to the same terminal.
  void Clear();

 private:
  // Shows `text` unless a line was shown less than the interval ago; a final line is shown only
  // where its search showed one before (`*shown`), and in place of a live line ends it.
  void Show(const std::string& text, bool final, bool* shown);

  std::string command_;
  bool quiet_;
  bool live_;
  size_t width_;
  std::ostream& out_;
  std::function<Clock::time_point()> now_;
  std::mutex mu_;
  Clock::time_point last_;  // the last line shown, or the start
  bool line_open_ = false;  // a live line is on the terminal
};

}  // namespace mapcheck
