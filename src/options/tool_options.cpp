#include "options/tool_options.h"

#include <algorithm>
#include <boost/program_options.hpp>
#include <sstream>

#include "adapt_error.h"
#include "args/local_rank.h"
#include "options/option_parser.h"
#include "options/source_options.h"
#include "supervision/init_options.h"

namespace hydra_adapt {
namespace po = boost::program_options;
namespace {

constexpr const char* kUsage =
    "usage: hydra-adapt [OPTIONS] -- PROGRAM [PROGRAM-WORDS...] [--] [INCOMING-ARGS...]\n"
    "       hydra-adapt schema --component FILE [--component-executor NAME]\n"
    "       hydra-adapt schema --hydra-config FILE [--component FILE] [--schema FILE]\n"
    "       hydra-adapt schema --from-program [--component FILE] [--schema FILE] -- PROGRAM [WORDS...]\n"
    "         (prints the schema a component spec or the app's config implies, to tune and pass with --schema)\n"
    "       hydra-adapt rewrite --component FILE --style adapter|hydra\n"
    "         (prints the spec with its command through /hydra-adapt, or its args as Hydra overrides)\n"
    "       hydra-adapt check [--schema FILE] [--hydra-config FILE] SOURCES... [-- PROGRAM [WORDS...]]\n"
    "         (finds before a job runs what a component, a Vertex AI study or a W&B sweep sends that the run refuses)\n"
    "\n"
    "Translates argparse-style args (--lr 0.01, --data-path=/x) into Hydra overrides\n"
    "(optimizer.lr=0.01 data.path='/x') and execs PROGRAM with them. The program's own\n"
    "words end at a second '--' if there is one; otherwise at the first word that begins\n"
    "with '--'. Words that already are Hydra overrides (k=v, +k=v, ~k) and Hydra's own\n"
    "flags (--config-name, --multirun, ...) pass through unchanged.\n"
    "\n"
    "Every option can also be set by an environment variable (the command line wins).\n"
    "\n"
    "Options";

po::options_description option_descriptions() {
  po::options_description options(kUsage);
  add_source_options(options, true);
  options.add_options()  //
      ("compose", po::value<std::string>()->implicit_value("1")->value_name("1|0"),
       "map against the config the job's own choices compose: run PROGRAM WORDS --cfg all with the job's "
       "Hydra overrides and the flags or platform values that choose config groups (--model resnet -> "
       "model=resnet), so that the keys an option brings are known; with --hydra-config FILE one more start of "
       "the program for a job that chooses a group (none when the job changes nothing), without it two "
       "(docs/hydra-config.md)  [HYDRA_ADAPT_COMPOSE=1|0]")  //
      ("compose-timeout", po::value<std::string>()->value_name("SECONDS"),
       "how long one composition may take before it is killed and the job refused. Default: 300  "
       "[HYDRA_ADAPT_COMPOSE_TIMEOUT]")  //
      ("dry-run", po::value<std::string>()->implicit_value("text")->value_name("text|json"),
       "print the translation and the final command; the program never starts (--compose's --cfg all runs "
       "still do)  [HYDRA_ADAPT_DRY_RUN=1|text|json]")  //
      ("unknown", po::value<std::string>()->value_name("error|pass|auto"),
       "what a flag the schema does not declare gets: refused, passed as it came, or translated "
       "as without a schema. Default: the schema's 'unknown:', else error with a schema, a "
       "component or a Hydra config and auto without  [HYDRA_ADAPT_UNKNOWN]")  //
      ("log-level", po::value<std::string>()->value_name("LEVEL"),
       "trace, debug, info, warn, error or off; logs go to stderr. Default: warn  [HYDRA_ADAPT_LOG_LEVEL]")  //
      ("init", po::value<std::string>()->implicit_value("1")->value_name("1|0"),
       "PID 1 duty, like tini: run PROGRAM as a child, the leader of its own process group (and the "
       "terminal's foreground group when hydra-adapt has the terminal), forward SIGTERM, SIGINT, SIGHUP, "
       "SIGQUIT, SIGUSR1, SIGUSR2 and SIGWINCH to it, reap every zombie, exit with its status (128+N when "
       "signal N ended it). Default: on when hydra-adapt is PID 1 or one of the next three options is "
       "given, else exec in place  [HYDRA_ADAPT_INIT=1|0]")                  //
      ("no-init", "exec PROGRAM in place even as PID 1 (same as --init=0)")  //
      ("kill-group", po::value<std::string>()->implicit_value("1")->value_name("1|0"),
       "forward each signal to PROGRAM's whole process group (a shell wrapper and the trainer it "
       "starts), not to PROGRAM alone; like tini -g  [HYDRA_ADAPT_KILL_GROUP=1|0]")  //
      ("remap-exit", po::value<std::vector<std::string>>()->value_name("N"),
       "exit 0 when PROGRAM exits with status N (0-255, 143 for SIGTERM); repeatable; like tini -e  "
       "[HYDRA_ADAPT_REMAP_EXIT=N[,N...]]")  //
      ("parent-death-signal", po::value<std::string>()->value_name("SIG"),
       "forward SIG (TERM, SIGUSR1, 15) to PROGRAM when hydra-adapt's parent dies; like tini -p  "
       "[HYDRA_ADAPT_PARENT_DEATH_SIGNAL]")  //
      ("platform", po::value<std::string>()->value_name("sagemaker|wandb"),
       "take the platform's own values too: sagemaker reads the hyperparameters from SM_HPS, else from "
       "$SAGEMAKER_BASE_DIR (default /opt/ml)/input/config/hyperparameters.json, drops the word 'train' "
       "SageMaker appends, and writes an error to BASE/output/failure; wandb reads the typed parameters from "
       "the file $WANDB_SWEEP_PARAM_PATH names (sweeps), else from WANDB_CONFIG or its shards (Launch), and "
       "drops the sweep agent's renderings of them (docs/wandb.md)  [HYDRA_ADAPT_PLATFORM]")  //
      ("help,h", "print this help")                                                           //
      ("version", "print the version");
  return options;
}

constexpr std::pair<const char*, const char*> kVariables[] = {
    {"HYDRA_ADAPT_SCHEMA", "schema"},
    {"HYDRA_ADAPT_COMPONENT", "component"},
    {"HYDRA_ADAPT_COMPONENT_EXECUTOR", "component-executor"},
    {"HYDRA_ADAPT_HYDRA_CONFIG", "hydra-config"},
    {"HYDRA_ADAPT_COMPOSE", "compose"},
    {"HYDRA_ADAPT_COMPOSE_TIMEOUT", "compose-timeout"},
    {"HYDRA_ADAPT_DRY_RUN", "dry-run"},
    {"HYDRA_ADAPT_UNKNOWN", "unknown"},
    {"HYDRA_ADAPT_LOG_LEVEL", "log-level"},
    {"HYDRA_ADAPT_INIT", "init"},
    {"HYDRA_ADAPT_KILL_GROUP", "kill-group"},
    {"HYDRA_ADAPT_REMAP_EXIT", "remap-exit"},
    {"HYDRA_ADAPT_PARENT_DEATH_SIGNAL", "parent-death-signal"},
    {"HYDRA_ADAPT_PLATFORM", "platform"},
};

// The options the HYDRA_ADAPT_* variables give, as Boost's parse_environment would give them
// from this process's environment, but from `variable`.
po::parsed_options variable_options(const po::options_description& descriptions, const VariableReader& variable) {
  po::parsed_options parsed(&descriptions);
  for (const auto& [name, option_name] : kVariables) {
    std::optional<std::string> value = variable(name);
    if (!value) continue;
    po::option option;
    option.string_key = option_name;
    option.value.push_back(std::move(*value));
    parsed.options.push_back(std::move(option));
  }
  return parsed;
}

// The words before the first "--": the tool's own.
std::vector<std::string> own_words(const std::vector<std::string>& words) {
  return {words.begin(), std::find(words.begin(), words.end(), "--")};
}

Platform platform_named(const std::string& name) {
  if (const std::optional<Platform> platform = platform_from_name(name)) return *platform;
  throw AdaptError("--platform / HYDRA_ADAPT_PLATFORM: '" + name + "' is not one of sagemaker, wandb");
}

DryRunFormat dry_run_format(const std::string& value) {
  if (value == "text" || value == "1" || value == "true") return DryRunFormat::kText;
  if (value == "json") return DryRunFormat::kJson;
  if (value == "0" || value == "false") return DryRunFormat::kOff;
  throw AdaptError("--dry-run / HYDRA_ADAPT_DRY_RUN: '" + value + "' is not one of text, json, 1, 0");
}

std::string log_level(const std::string& value) {
  for (const char* level : {"trace", "debug", "info", "warn", "error", "off"}) {
    if (value == level) return value;
  }
  throw AdaptError("--log-level / HYDRA_ADAPT_LOG_LEVEL: '" + value +
                   "' is not one of trace, debug, info, warn, error, off");
}

}  // namespace

int compose_timeout(const std::string& value) {
  const bool digits = !value.empty() && value.size() <= 6 && value.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoi(value) == 0) {
    throw AdaptError("--compose-timeout / HYDRA_ADAPT_COMPOSE_TIMEOUT: " + quote_for_message(value) +
                     " is not a whole number of seconds from 1 to 999999");
  }
  return std::stoi(value);
}

int compose_timeout_seconds(const std::optional<std::string>& option, const VariableReader& variable) {
  if (option) return compose_timeout(*option);
  if (const std::optional<std::string> value = variable("HYDRA_ADAPT_COMPOSE_TIMEOUT")) return compose_timeout(*value);
  return ToolOptions{}.compose_timeout_seconds;
}

UnknownPolicy unknown_option(const std::string& value) {
  if (const std::optional<UnknownPolicy> policy = unknown_policy_from_name(value)) return *policy;
  throw AdaptError("--unknown / HYDRA_ADAPT_UNKNOWN: '" + value + "' is not one of error, pass, auto");
}

ToolOptions parse_tool_options(const std::vector<std::string>& words, const VariableReader& variable) {
  ToolOptions options;
  const std::vector<std::string> own = own_words(words);
  const bool saw_dash_dash = own.size() < words.size();
  if (saw_dash_dash) options.after_dash_dash.assign(words.begin() + own.size() + 1, words.end());

  LocalRank launcher = take_local_rank(own, 0, [](std::string_view) { return true; });
  options.launcher_args = std::move(launcher.rank_words);
  const po::options_description descriptions = option_descriptions();
  const po::variables_map command_line_values = parse_option_words(descriptions, launcher.words, "hydra-adapt --help");
  if (command_line_values.count("init") && command_line_values.count("no-init")) {
    throw AdaptError("--init and --no-init contradict each other; give one of them");
  }
  // The environment is also read apart, for the options that need the PID 1 supervisor: each
  // source may contradict itself, and the command line wins option by option.
  po::variables_map environment_values;
  po::variables_map values = command_line_values;
  try {
    const po::parsed_options environment = variable_options(descriptions, variable);
    po::store(environment, environment_values);
    // After the command line, which wins: Boost keeps the first value stored for an option.
    po::store(environment, values);
  } catch (const po::error& error) {
    throw AdaptError(std::string(error.what()) + "; see hydra-adapt --help");
  }
  options.help = values.count("help") > 0;
  options.version = values.count("version") > 0;
  if (values.count("compose")) options.compose = switch_value(values, "compose", "HYDRA_ADAPT_COMPOSE");
  if (values.count("compose-timeout"))
    options.compose_timeout_seconds = compose_timeout(values["compose-timeout"].as<std::string>());
  if (values.count("dry-run")) options.dry_run = dry_run_format(values["dry-run"].as<std::string>());
  if (values.count("log-level")) options.log_level = log_level(values["log-level"].as<std::string>());
  const InitChoice init = choose_init(command_line_values, environment_values);
  options.init = init.init;
  options.duty = init.duty;
  if (values.count("platform")) options.platform = platform_named(values["platform"].as<std::string>());
  if (values.count("unknown")) options.unknown = unknown_option(values["unknown"].as<std::string>());
  if (options.help || options.version) return options;
  options.sources = read_source_options(values);
  if (!saw_dash_dash) {
    throw AdaptError("missing '--' before the program; write: hydra-adapt [OPTIONS] -- PROGRAM [ARGS...]");
  }
  return options;
}

Platform requested_platform(const std::vector<std::string>& words, const VariableReader& variable) {
  po::options_description platform_only;
  platform_only.add_options()("platform", po::value<std::string>());
  std::optional<std::string> name;
  try {
    po::variables_map values;
    po::store(po::command_line_parser(own_words(words))
                  .options(platform_only)
                  .style(option_style())
                  .allow_unregistered()
                  .run(),
              values);
    if (values.count("platform")) name = values["platform"].as<std::string>();
  } catch (const po::error&) {
    // parse_tool_options refuses the command line; the variable may still name the platform.
  }
  if (!name) name = variable("HYDRA_ADAPT_PLATFORM");
  return name ? platform_from_name(*name).value_or(Platform::kNone) : Platform::kNone;
}

std::string usage_text() {
  std::ostringstream text;
  text << option_descriptions();
  return text.str();
}

}  // namespace hydra_adapt
