#include "args/incoming_args.h"

#include <algorithm>

#include "adapt_error.h"
#include "args/hydra_flags.h"
#include "text/ascii.h"
#include "values/hydra_key.h"

namespace hydra_adapt {
namespace {

class IncomingSplitter {
 public:
  IncomingSplitter(const std::vector<std::string>& words,
                   const std::function<std::size_t(std::string_view)>& value_count)
      : words_(words), value_count_(value_count) {}

  std::vector<IncomingArg> split() {
    while (next_ < words_.size()) {
      const std::string& word = words_[next_++];
      if (word == "--") {
        throw AdaptError(
            "a lone '--' among the incoming args; the program's words end at the first '--' after PROGRAM");
      }
      if (starts_with(word, "--")) {
        take_long_flag(word);
      } else if (const HydraFlag* hydra_flag = find_hydra_flag(word)) {
        take_hydra_flag(*hydra_flag, word);
      } else if (is_override_word(word)) {
        args_.push_back({IncomingArg::Kind::kOverride, "", {word}, {}});
      } else {
        throw AdaptError("unexpected word " + quote_for_message(word) +
                         " among the incoming args; they are --flag VALUE, --flag=VALUE or Hydra overrides "
                         "(key=value)");
      }
    }
    return std::move(args_);
  }

 private:
  void take_long_flag(const std::string& word) {
    const std::size_t equals = word.find('=');
    // Every leading dash goes, as argparse's dest drops them: kfp's function-based components
    // write `----output-paths`, the flag output-paths.
    const std::size_t dashes = std::min({word.find_first_not_of('-'), equals, word.size()});
    const std::string name = word.substr(dashes, equals == std::string::npos ? std::string::npos : equals - dashes);
    if (name.empty()) throw AdaptError("the incoming arg " + quote_for_message(word) + " has no flag name");
    const std::size_t value_count = value_count_(name);
    if (value_count == 0) {
      if (const HydraFlag* hydra_flag = find_hydra_flag(word.substr(0, equals))) {
        take_hydra_flag(*hydra_flag, word);
        return;
      }
    }
    IncomingArg arg{IncomingArg::Kind::kFlag, name, {word}, {}};
    const auto next_is_value = [&] { return next_ < words_.size() && !starts_with(words_[next_], "--"); };
    const auto take_next = [&] {
      arg.values.push_back(words_[next_]);
      arg.words.push_back(words_[next_++]);
    };
    // The first value whatever the count (an undeclared flag takes one), the others up to it.
    if (equals != std::string::npos) {
      arg.values.push_back(word.substr(equals + 1));
    } else if (next_is_value()) {
      take_next();
    }
    while (!arg.values.empty() && arg.values.size() < value_count && next_is_value()) take_next();
    args_.push_back(std::move(arg));
  }

  // Hydra parses its own flags with argparse; the words go on unchanged, and a missing or
  // wrong value is left for Hydra to report in its own words.
  void take_hydra_flag(const HydraFlag& flag, const std::string& word) {
    IncomingArg arg{IncomingArg::Kind::kHydraFlag, "", {word}, {}};
    const bool value_attached = word.find('=') != std::string::npos;
    if (!value_attached && next_ < words_.size()) {
      const std::string& following = words_[next_];
      const bool takes_following = (flag.arity == HydraFlagArity::kOne && !starts_with(following, "-")) ||
                                   (flag.arity == HydraFlagArity::kOptional && is_hydra_info_topic(following));
      if (takes_following) arg.words.push_back(words_[next_++]);
    }
    args_.push_back(std::move(arg));
  }

  const std::vector<std::string>& words_;
  const std::function<std::size_t(std::string_view)>& value_count_;
  std::size_t next_ = 0;
  std::vector<IncomingArg> args_;
};

}  // namespace

std::vector<IncomingArg> split_incoming_args(const std::vector<std::string>& words,
                                             const std::function<std::size_t(std::string_view)>& value_count) {
  return IncomingSplitter(words, value_count).split();
}

bool is_override_word(std::string_view word) {
  const std::size_t equals = word.find('=');
  const std::string_view key = word.substr(0, equals);
  if (starts_with(key, "~")) return is_addressable_key(key.substr(1));
  return equals != std::string_view::npos && is_addressable_key(split_override_key(key).path);
}

}  // namespace hydra_adapt
