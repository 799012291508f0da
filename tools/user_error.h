// What a user got wrong, reported the one way every mapcheck command reports it: one line
//
//   mapcheck COMMAND: WHERE: WHAT
//
// on stderr and exit status 2. WHERE is the place of the mistake, as precisely as it is known: a
// flag and the value given to it (`--budget '10x'`), a file (`no-such.litmus`), a position in one
// (`bad.litmus:3:22`), a replay token, a test name. WHAT says what is wrong and, where there is
// one, what was expected. The libraries give the same two parts: herd::ParseError (file:line:col
// and message), mc::ReplayTokenError (the character of the token), and a kUsageError report of the
// checker, whose message is `file:line: what` (the line of the test's own call).
#pragma once

#include <ostream>
#include <string_view>

namespace mapcheck {

inline constexpr int kUsageExit = 2;

// Prints the error (no WHERE part when `where` is empty; "mapcheck: " alone when `command` is)
// and returns kUsageExit.
inline int Refuse(std::ostream& err, std::string_view command, std::string_view where,
                  std::string_view what) {
  err << "mapcheck";
  if (!command.empty()) err << " " << command;
  err << ": ";
  if (!where.empty()) err << where << ": ";
  err << what << "\n";
  return kUsageExit;
}

}  // namespace mapcheck
