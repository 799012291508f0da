#include "progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <utility>

namespace mapcheck {
namespace {

constexpr auto kLiveInterval = std::chrono::seconds(1);
constexpr auto kLogInterval = std::chrono::seconds(10);
constexpr const char* kEraseLine = "\r\033[K";

}  // namespace

Progress::Progress(std::string command, bool quiet, bool live, size_t width, std::ostream& out,
                   std::function<Clock::time_point()> now)
    : command_(std::move(command)),
      quiet_(quiet),
      live_(live),
      width_(width),
      out_(out),
      now_(std::move(now)),
      last_(now_()) {}

Progress Progress::OnStderr(std::string command, bool quiet) {
  const bool live = isatty(STDERR_FILENO) != 0;
  winsize size{};
  const size_t width = live && ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 ? size.ws_col : 0;
  return Progress(std::move(command), quiet, live, width);
}

std::function<void(const std::string&, bool)> Progress::For(std::string what) {
  if (quiet_) return nullptr;
  auto shown = std::make_shared<bool>(false);
  return [this, what = std::move(what), shown](const std::string& line, bool final) {
    Show(what + ": " + line, final, shown.get());
  };
}

void Progress::Items(size_t done, size_t total, std::string_view last) {
  if (quiet_ || done == total) return;  // the command prints its own summary at the end
  bool shown = false;
  Show(std::to_string(done) + " of " + std::to_string(total) +
           " done (the latest: " + std::string(last) + ")",
       false, &shown);
}

void Progress::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  if (!line_open_) return;
  out_ << kEraseLine << std::flush;
  line_open_ = false;
}

void Progress::Show(const std::string& text, bool final, bool* shown) {
  std::lock_guard<std::mutex> lock(mu_);
  const Clock::time_point now = now_();
  if (final) {
    if (!*shown) return;
  } else if (now - last_ < (live_ ? kLiveInterval : kLogInterval)) {
    return;
  }
  last_ = now;
  *shown = true;
  if (live_) {
    out_ << kEraseLine;  // a finished search's line goes: the command prints its result next
    if (!final) {
      std::string line = "mapcheck " + command_ + ": " + text;
      if (width_ > 1 && line.size() >= width_) line.resize(width_ - 1);
      out_ << line;
    }
    line_open_ = !final;
  } else {
    out_ << "mapcheck " << command_ << ": " << text << "\n";
  }
  out_ << std::flush;
}

}  // namespace mapcheck
