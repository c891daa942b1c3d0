#include "check/check_report.h"

#include <nlohmann/json.hpp>

namespace hydra_adapt {
namespace {

const char* severity_name(Finding::Severity severity) {
  return severity == Finding::Severity::kError ? "error" : "warning";
}

std::size_t count_of(const std::vector<Finding>& findings, Finding::Severity severity) {
  std::size_t count = 0;
  for (const Finding& finding : findings) count += finding.severity == severity ? 1 : 0;
  return count;
}

std::string plural(std::size_t count, const std::string& noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// The flag and the message, as one line says them.
std::string described(const Finding& finding) {
  if (finding.flag.empty() || finding.message.rfind(finding.flag, 0) == 0) return finding.message;
  return finding.flag + ": " + finding.message;
}

// A workflow command's escaping (GitHub's toolkit: escapeData, escapeProperty).
std::string escaped(const std::string& text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string findings_text(const std::vector<Finding>& findings, const CheckCount& count) {
  std::string text;
  for (const Finding& finding : findings) {
    const std::string place = finding.file.empty() ? "hydra-adapt check"
                              : finding.line == 0  ? finding.file
                                                   : finding.file + ":" + std::to_string(finding.line);
    text += place + ": " + severity_name(finding.severity) + ": " + described(finding) + "\n";
  }
  return text + "hydra-adapt check: " + plural(count_of(findings, Finding::Severity::kError), "error") + ", " +
         plural(count_of(findings, Finding::Severity::kWarning), "warning") + " (" + plural(count.flags, "flag") +
         " from " + plural(count.sources, "source") + ")\n";
}

std::string findings_json(const std::vector<Finding>& findings, const CheckCount& count) {
  nlohmann::json listed = nlohmann::json::array();
  const auto or_null = [](const std::string& text) { return text.empty() ? nlohmann::json() : nlohmann::json(text); };
  for (const Finding& finding : findings) {
    listed.push_back({{"file", or_null(finding.file)},
                      {"line", finding.line == 0 ? nlohmann::json() : nlohmann::json(finding.line)},
                      {"flag", or_null(finding.flag)},
                      {"source", finding.source},
                      {"severity", severity_name(finding.severity)},
                      {"kind", finding.kind},
                      {"message", finding.message}});
  }
  const nlohmann::json document{{"findings", listed},
                                {"errors", count_of(findings, Finding::Severity::kError)},
                                {"warnings", count_of(findings, Finding::Severity::kWarning)},
                                {"flags", count.flags},
                                {"sources", count.sources},
                                {"program_starts", count.program_starts}};
  return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string workflow_commands(const std::vector<Finding>& findings) {
  std::string text;
  for (const Finding& finding : findings) {
    std::string properties;
    if (!finding.file.empty()) properties += " file=" + escaped(finding.file, true);
    if (finding.line != 0) properties += ",line=" + std::to_string(finding.line);
    text += std::string("::") + severity_name(finding.severity) + properties +
            "::" + escaped(described(finding), false) + "\n";
  }
  return text;
}

}  // namespace hydra_adapt
