// `--junit FILE`: results as JUnit XML, the format CI systems (GitLab, Jenkins, GitHub
// actions' test reporters) read.
#pragma once

#include <fstream>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "user_error.h"
#include "xml_escape.h"

namespace mapcheck {

struct JunitCase {
  enum class Result { kPass, kFail, kSkip };
  std::string classname;  // "litmus", "claims", "verify.fixes", ...
  std::string name;
  double seconds = 0;
  Result result = Result::kPass;
  std::string message;  // one line: why it failed or was skipped
  std::string detail;   // the full report
};

inline std::string JunitXml(const std::string& suite, const std::vector<JunitCase>& cases) {
  int failures = 0;
  int skipped = 0;
  double seconds = 0;
  for (const JunitCase& c : cases) {
    failures += c.result == JunitCase::Result::kFail ? 1 : 0;
    skipped += c.result == JunitCase::Result::kSkip ? 1 : 0;
    seconds += c.seconds;
  }
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n<testsuite name=\""
      << XmlEscape(suite) << "\" tests=\"" << cases.size() << "\" failures=\"" << failures
      << "\" errors=\"0\" skipped=\"" << skipped << "\" time=\"" << seconds << "\">\n";
  for (const JunitCase& c : cases) {
    out << "  <testcase classname=\"" << XmlEscape(c.classname) << "\" name=\"" << XmlEscape(c.name)
        << "\" time=\"" << c.seconds << "\"";
    if (c.result == JunitCase::Result::kPass) {
      out << "/>\n";
      continue;
    }
    out << ">\n    <" << (c.result == JunitCase::Result::kFail ? "failure" : "skipped")
        << " message=\"" << XmlEscape(c.message) << "\">" << XmlEscape(c.detail) << "</"
        << (c.result == JunitCase::Result::kFail ? "failure" : "skipped") << ">\n  </testcase>\n";
  }
  out << "</testsuite>\n</testsuites>\n";
  return out.str();
}

// Whether `path` can be written, checked before a long run so that a bad path fails at once
// (it creates the file, empty, as the run's end will overwrite it); prints why not.
inline bool CanWriteJunit(const std::string& path, const std::string& command, std::ostream& err) {
  std::ofstream file(path, std::ios::binary | std::ios::app);
  if (!file) {
    Refuse(err, command, "--junit '" + path + "'", "cannot write the file");
    return false;
  }
  return true;
}

// Writes the file; on failure prints "mapcheck CMD: --junit 'FILE': cannot write the file" and
// returns false.
inline bool WriteJunit(const std::string& path, const std::string& command,
                       const std::vector<JunitCase>& cases, std::ostream& err) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << JunitXml("mapcheck " + command, cases);
  file.close();
  if (!file) {
    Refuse(err, command, "--junit '" + path + "'", "cannot write the file");
    return false;
  }
  return true;
}

}  // namespace mapcheck
